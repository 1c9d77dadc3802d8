import { Button, DotLoading, ErrorBlock, PullToRefresh, Tabs } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { useErrorText } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type MyTicket, type MyTicketKind, useMyTickets } from '../../resident/api/my-tickets';
import { MyTicketCard, RatingLine } from '../../resident/components/my-ticket-card';
import { RatingSheet } from '../../resident/components/rating-sheet';
import { useOrders } from '../api/list-orders';
import { MobileOrderCard } from './mobile-order-card';
import { ResidentQuestionnaireLink } from '../../questionnaires/components/resident-questionnaire-link';

const tabs = ['repairs', 'complaints', 'consultations', 'matters'] as const;
type Tab = (typeof tabs)[number];
const kindOfTab: Record<Exclude<Tab, 'repairs'>, MyTicketKind> = { complaints: 'complaint', consultations: 'contact', matters: 'matter' };

/**
 * /m/home: everything the resident follows, one tab per kind — their repairs, complaints,
 * consultations and help requests, matters — each with its state, the answer, and their rating.
 */
const services = [
  { path: '/m/renovations', label: 'resident.services.renovation', testId: 'my-renovations-link' },
  { path: '/m/parking', label: 'resident.services.parking', testId: 'my-parking-link' },
  { path: '/m/goods-passes', label: 'resident.services.goodsPasses', testId: 'my-goods-passes-link' },
] as const;

export function ResidentHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'repairs';
  const [rating, setRating] = useState<MyTicket | null>(null);
  const title: Record<Tab, string> = {
    repairs: t('resident.tabRepairs'),
    complaints: t('resident.tabComplaints'),
    consultations: t('resident.tabConsultations'),
    matters: t('resident.tabMatters'),
  };
  return (
    <div className="m-page" data-testid="resident-home-page">
      <MobileHeader title={t('resident.home')} canLogout loginPath="/m/login" />
      <div className="m-welcome">
        <div className="m-welcome-name" data-testid="current-user">
          {t('auth.welcome', { name: me.name })}
        </div>
        <div className="m-welcome-rooms">{me.rooms.map((r) => r.label).join('、') || t('resident.noRooms')}</div>
        <div className="m-welcome-actions">
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
          <Button
            block
            color="warning"
            size="large"
            onClick={() => navigate('/m/complaints/new')}
            disabled={!me.rooms.length}
            data-testid="new-complaint"
          >
            {t('resident.newComplaint')}
          </Button>
        </div>
        {/* 装修 · 车位 · 物品放行: the household's other front-desk services. */}
        <div className="m-welcome-services">
          {services.map((s) => (
            <Button key={s.path} size="small" onClick={() => navigate(s.path)} disabled={!me.rooms.length} data-testid={s.testId}>
              {t(s.label)}
            </Button>
          ))}
          <ResidentQuestionnaireLink disabled={!me.rooms.length} />
        </div>
      </div>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} data-testid="resident-tabs">
        {tabs.map((k) => (
          <Tabs.Tab key={k} title={<span data-testid={`resident-tab-${k}`}>{title[k]}</span>} />
        ))}
      </Tabs>
      {tab === 'repairs' ? (
        <RepairList onRate={setRating} />
      ) : (
        <TicketList
          kind={kindOfTab[tab]}
          empty={t(
            tab === 'complaints' ? 'resident.emptyComplaints' : tab === 'matters' ? 'resident.emptyMatters' : 'resident.emptyConsultations',
          )}
          onOpen={tab === 'complaints' ? (ticket) => navigate(`/m/complaints/${ticket.id}`) : undefined}
          onRate={setRating}
        />
      )}
      <RatingSheet ticket={rating} onClose={() => setRating(null)} />
    </div>
  );
}

function Loading(): ReactNode {
  return (
    <div className="m-loading">
      <DotLoading color="primary" />
    </div>
  );
}

/** The household's repairs with their countdowns, and the rating line once one is done. */
function RepairList({ onRate }: { onRate: (t: MyTicket) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useOrders({ view: 'all', limit: 100 });
  const mine = useMyTickets('repair');
  const text = useErrorText();
  const byId = new Map((mine.data ?? []).map((m) => [m.id, m]));
  return (
    <PullToRefresh onRefresh={async () => void (await Promise.all([orders.refetch(), mine.refetch()]))}>
      {orders.isPending ? (
        <Loading />
      ) : orders.error ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={text(orders.error)} />
      ) : !orders.data?.items.length ? (
        <ErrorBlock status="empty" title={t('resident.emptyOrders')} description="" data-testid="empty-list" />
      ) : (
        <div className="m-list">
          {orders.data.items.map((o) => {
            const ticket = byId.get(o.id);
            return (
              <div key={o.id} className="m-card-group">
                <MobileOrderCard order={o} onOpen={() => navigate(`/m/orders/${o.id}`)} showCountdown={false} />
                {ticket ? <RatingLine ticket={ticket} onRate={() => onRate(ticket)} /> : null}
              </div>
            );
          })}
        </div>
      )}
    </PullToRefresh>
  );
}

function TicketList({
  kind,
  empty,
  onOpen,
  onRate,
}: {
  kind: MyTicketKind;
  empty: string;
  onOpen?: ((t: MyTicket) => void) | undefined;
  onRate: (t: MyTicket) => void;
}) {
  const { t } = useTranslation();
  const list = useMyTickets(kind);
  const text = useErrorText();
  return (
    <PullToRefresh onRefresh={async () => void (await list.refetch())}>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={text(list.error)} />
      ) : !list.data?.length ? (
        <ErrorBlock status="empty" title={empty} description="" data-testid="empty-list" />
      ) : (
        <div className="m-list" data-testid={`my-${kind}-list`}>
          {list.data.map((ticket) => (
            <MyTicketCard
              key={ticket.id}
              ticket={ticket}
              onOpen={onOpen ? () => onOpen(ticket) : undefined}
              onRate={() => onRate(ticket)}
            />
          ))}
        </div>
      )}
    </PullToRefresh>
  );
}
