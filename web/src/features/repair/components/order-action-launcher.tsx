import { App, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/use-api-error';
import { useOrder } from '../api/get-order';
import type { RepairAction } from '../api/types';
import { ActionModal } from './action-modal';

/**
 * Opens an action's form for an order known only by id (a board card, a visit row): loads the
 * order first, so the form has its details and the server's allowedActions decide.
 */
export function OrderActionLauncher({ orderId, action, onClose }: { orderId: string | null; action: RepairAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data: order, error } = useOrder(orderId ?? undefined);
  const isAllowed = !!order && order.allowedActions.includes(action);

  useEffect(() => {
    if (!orderId) return;
    if (error) {
      void message.error(errorText(error));
      onClose();
    } else if (order && !isAllowed) {
      void message.warning(`${label('action', action)}${t('common.colon')}${t('order.noActions')}`);
      onClose();
    }
  }, [orderId, order, error, isAllowed, action, message, errorText, onClose, t]);

  if (!orderId) return null;
  if (!order) return <Spin fullscreen />;
  return isAllowed ? <ActionModal order={order} action={action} onClose={onClose} /> : null;
}
