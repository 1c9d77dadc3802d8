import { Button, DotLoading, ErrorBlock, PullToRefresh } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { useErrorText } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useOrders } from '../api/list-orders';
import { MobileOrderCard } from './mobile-order-card';

/** /m/home: the resident's own repairs, newest first, and the way to report a new one. */
export function ResidentHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const orders = useOrders({ view: 'all', limit: 100 });
  const text = useErrorText();
  return (
    <div className="m-page" data-testid="resident-home-page">
      <MobileHeader title={t('resident.home')} canLogout loginPath="/m/login" />
      <div className="m-welcome">
        <div className="m-welcome-name" data-testid="current-user">
          {t('auth.welcome', { name: me.name })}
        </div>
        <div className="m-welcome-rooms">{me.rooms.map((r) => r.label).join('、') || t('resident.noRooms')}</div>
        <Button
          block
          color="primary"
          size="large"
          onClick={() => navigate('/m/report')}
          disabled={!me.rooms.length}
          data-testid="new-report"
        >
          ＋ {t('resident.report')}
        </Button>
      </div>
      <PullToRefresh onRefresh={async () => void (await orders.refetch())}>
        {orders.isPending ? (
          <div className="m-loading">
            <DotLoading color="primary" />
          </div>
        ) : orders.error ? (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={text(orders.error)} />
        ) : !orders.data?.items.length ? (
          <ErrorBlock status="empty" title={t('resident.emptyOrders')} description="" data-testid="empty-list" />
        ) : (
          <div className="m-list">
            {orders.data.items.map((o) => (
              <MobileOrderCard key={o.id} order={o} onOpen={() => navigate(`/m/orders/${o.id}`)} showCountdown={false} />
            ))}
          </div>
        )}
      </PullToRefresh>
    </div>
  );
}
