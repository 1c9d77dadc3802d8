import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { isApiError } from '../../../lib/api-error';
import { useErrorText } from '../../../lib/use-api-error';
import { useOrder } from '../api/get-order';
import { MobileOrderView } from './mobile-order-view';

/** /m/tech/orders/:id and /m/orders/:id: one order on the phone. */
export function MobileOrderPage({ audience }: { audience: 'technician' | 'resident' }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: order, error, isPending } = useOrder(id);
  const text = useErrorText();
  const backTo = audience === 'technician' ? '/m/tech' : '/m/home';
  // 400: the address holds no valid order id, which is the same as a missing order.
  const isMissing = isApiError(error) && [400, 403, 404].includes(error.status);
  return (
    <div className="m-page">
      <MobileHeader title={audience === 'technician' ? t('tech.orderTitle') : t('resident.orderTitle')} backTo={backTo} />
      {isPending ? (
        <div className="m-loading">
          <DotLoading color="primary" />
        </div>
      ) : error || !order ? (
        <ErrorBlock
          status={isMissing ? 'empty' : 'default'}
          title={isMissing ? t('order.notFound') : t('common.loadFailed')}
          description={text(error)}
          data-testid="order-not-found"
        />
      ) : (
        <MobileOrderView order={order} audience={audience} />
      )}
    </div>
  );
}
