import { Badge, Button, DotLoading, ErrorBlock, PullToRefresh, Tabs, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { useErrorText } from '../../../lib/use-api-error';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { MobileNotifications } from '../../notifications/components/mobile-notifications';
import { useOrders } from '../api/list-orders';
import { useOrderAction } from '../api/order-action';
import type { RepairSummary } from '../api/types';
import { MobileOrderCard } from './mobile-order-card';

type Tab = 'pool' | 'mine';

function OrderList({
  orders,
  isLoading,
  error,
  empty,
  onOpen,
  onGrab,
  grabbingId,
}: {
  orders: RepairSummary[] | undefined;
  isLoading: boolean;
  error: unknown;
  empty: string;
  onOpen: (o: RepairSummary) => void;
  onGrab?: (o: RepairSummary) => void;
  grabbingId?: string | null;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (isLoading) {
    return (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (error) return <ErrorBlock status="default" title={t('common.loadFailed')} description={text(error)} />;
  if (!orders?.length) return <ErrorBlock status="empty" title={empty} description="" data-testid="empty-list" />;
  return (
    <div className="m-list">
      {orders.map((o) => (
        <MobileOrderCard
          key={o.id}
          order={o}
          onOpen={() => onOpen(o)}
          onGrab={onGrab ? () => onGrab(o) : undefined}
          isGrabbing={grabbingId === o.id}
        />
      ))}
    </div>
  );
}

/** /m/tech: the technician's phone — the open pool to grab from, and their own orders. */
export function TechHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'mine' ? 'mine' : 'pool';
  const pool = useOrders({ view: 'open_pool', limit: 100 });
  const mine = useOrders({ view: 'mine', limit: 100 });
  const grab = useOrderAction();
  const errorText = useMobileErrorText();
  const [grabbingId, setGrabbingId] = useState<string | null>(null);

  const onGrab = (o: RepairSummary) => {
    setGrabbingId(o.id);
    grab.mutate(
      { id: o.id, action: 'grab', body: {} },
      {
        onSuccess: (order) => {
          Toast.show({ icon: 'success', content: t('tech.grabbed') });
          navigate(`/m/tech/orders/${order.id}`);
        },
        // 409: somebody else was faster; the server says so, in the user's language.
        onError: (e) => {
          errorText(e);
          void pool.refetch();
        },
        onSettled: () => setGrabbingId(null),
      },
    );
  };

  const open = (o: RepairSummary) => navigate(`/m/tech/orders/${o.id}`);
  const refresh = async () => {
    await Promise.all([pool.refetch(), mine.refetch()]);
  };

  return (
    <div className="m-page" data-testid="tech-home-page">
      <MobileHeader title={me.name} canLogout extra={<MobileNotifications orderPath={(id) => `/m/tech/orders/${id}`} />} />
      {/* Engineering's periodic renovation patrols (装修巡查) are the technician's phone work too. */}
      <div className="m-tech-links">
        <Button size="small" fill="outline" onClick={() => navigate('/m/renovation-patrols')} data-testid="tech-renovation-patrols">
          {t('tech.renovationPatrols')}
        </Button>
      </div>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'mine' ? { tab: 'mine' } : {}, { replace: true })} className="m-tabs">
        <Tabs.Tab
          key="pool"
          title={
            <Badge content={pool.data?.total || null} style={{ '--right': '-12px' }}>
              <span data-testid="tab-pool">{t('tech.pool')}</span>
            </Badge>
          }
        />
        <Tabs.Tab
          key="mine"
          title={
            <Badge content={mine.data?.total || null} style={{ '--right': '-12px' }}>
              <span data-testid="tab-mine">{t('tech.mine')}</span>
            </Badge>
          }
        />
      </Tabs>
      <PullToRefresh onRefresh={refresh}>
        {tab === 'pool' ? (
          <OrderList
            orders={pool.data?.items}
            isLoading={pool.isPending}
            error={pool.error}
            empty={t('tech.emptyPool')}
            onOpen={open}
            onGrab={onGrab}
            grabbingId={grabbingId}
          />
        ) : (
          <OrderList orders={mine.data?.items} isLoading={mine.isPending} error={mine.error} empty={t('tech.emptyMine')} onOpen={open} />
        )}
      </PullToRefresh>
    </div>
  );
}
