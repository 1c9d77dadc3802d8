import { App, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useSignedInMe } from '../../auth/api/get-me';
import { visitDeskRoles } from '../access';
import { type VisitAction, type VisitDetail, useVisitsOf } from '../api/visits';
import { VisitActionButtons, VisitActionModal } from './visit-action-modal';
import { DueCell, OutcomeTag, RoundTag, VisitStatusTag } from './visit-tags';

/** What a ticket's page knows of its visit tasks before their details load. */
export interface TicketVisitRef {
  id: string;
  status: string;
  dueAt: string;
  outcome: string | null;
  method: string | null;
  comment: string | null;
  visitedByName: string | null;
  visitedAt: string | null;
}

/** The ticket's visit tasks in full, for those who have the visit desk (others see the ticket's summary). */
function useTicketVisits(refs: TicketVisitRef[]) {
  const me = useSignedInMe();
  const canSee = visitDeskRoles.includes(me.role);
  const results = useVisitsOf(
    refs.map((r) => r.id),
    canSee,
  );
  const details = results.map((r) => r.data).filter((d): d is VisitDetail => !!d);
  return { canSee, details };
}

/**
 * The ticket page's "回访" button: opens the shared record form on the ticket's open service-desk
 * visit task (POST /api/visits/:id/record), so the visit module's checks apply.
 */
export function useRecordTicketVisit(refs: TicketVisitRef[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { details } = useTicketVisits(refs);
  const [taskId, setTaskId] = useState<string | null>(null);
  const task = details.find((d) => d.id === taskId) ?? null;
  const open = useCallback(() => {
    const recordable = details.filter((d) => d.allowedActions.includes('record'));
    const pick = recordable.find((d) => d.duty === 'desk') ?? recordable[0];
    if (pick) setTaskId(pick.id);
    else void message.warning(t('visitTasks.ticketVisits.noOpenTask'));
  }, [details, message, t]);
  const modal = <VisitActionModal task={task} action={task ? 'record' : null} onClose={() => setTaskId(null)} />;
  return { open, modal };
}

/** A ticket's visit tasks: round, duty, state, due time, what was found, and the steps the user may take. */
export function TicketVisits({ visits }: { visits: TicketVisitRef[] }) {
  const { t } = useTranslation();
  const { canSee, details } = useTicketVisits(visits);
  const [picked, setPicked] = useState<{ task: VisitDetail; action: VisitAction } | null>(null);

  if (!canSee || details.length < visits.length) {
    // The ticket's own summary of its tasks (or while the details load).
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={visits}
        data-testid="order-visits"
        locale={{ emptyText: t('visitTasks.ticketVisits.empty') }}
        columns={[
          { title: t('visitTasks.columns.dueAt'), dataIndex: 'dueAt', render: (d: string) => formatDateTime(d) },
          { title: t('visitTasks.columns.status'), dataIndex: 'status', render: (s: string) => <VisitStatusTag status={s} /> },
          { title: t('visitTasks.columns.outcome'), dataIndex: 'outcome', render: (o: string | null) => <OutcomeTag outcome={o} /> },
          {
            title: t('visitTasks.columns.method'),
            dataIndex: 'method',
            render: (m: string | null) => (m ? label('visitTasks.methods', m) : '—'),
          },
          { title: t('visitTasks.columns.comment'), dataIndex: 'comment', ellipsis: true },
          { title: t('visitTasks.columns.visitedBy'), dataIndex: 'visitedByName' },
          { title: t('visitTasks.columns.visitedAt'), dataIndex: 'visitedAt', render: (d: string | null) => formatDateTime(d) },
        ]}
      />
    );
  }

  const columns: TableColumnsType<VisitDetail> = [
    {
      title: t('visitTasks.columns.duty'),
      dataIndex: 'duty',
      width: 120,
      render: (d: string, v) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/visits/${v.id}`} data-testid="visit-link">
            {label('visitTasks.duties', d)}
          </Link>
          <RoundTag round={v.round} />
        </Space>
      ),
    },
    { title: t('visitTasks.columns.status'), dataIndex: 'status', width: 100, render: (s: string) => <VisitStatusTag status={s} /> },
    {
      title: t('visitTasks.columns.dueAt'),
      key: 'due',
      width: 180,
      render: (_: unknown, v) => (['pending', 'booked', 'rectifying'].includes(v.status) ? <DueCell task={v} /> : formatDateTime(v.dueAt)),
    },
    {
      title: t('visitTasks.columns.outcome'),
      key: 'outcome',
      render: (_: unknown, v) =>
        v.visitedAt ? (
          <Space orientation="vertical" size={0}>
            <Space size={4} wrap>
              <OutcomeTag outcome={v.outcome} />
              {v.method ? <Tag style={{ marginInlineEnd: 0 }}>{label('visitTasks.methods', v.method)}</Tag> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.visitedByName} {formatDateTime(v.visitedAt)}
              </Typography.Text>
            </Space>
            {v.comment ? <Typography.Text style={{ fontSize: 13 }}>{v.comment}</Typography.Text> : null}
            {v.apology ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('visitTasks.detail.apology')}
                {t('common.colon')}
                {v.apology}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('visitTasks.columns.operation'),
      key: 'op',
      width: 130,
      render: (_: unknown, v) => <VisitActionButtons task={v} size="small" onPick={(action) => setPicked({ task: v, action })} />,
    },
  ];
  return (
    <>
      <Table<VisitDetail>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={details}
        columns={columns}
        rowClassName={(v) => (v.isOverdue ? 'row-overdue' : '')}
        onRow={(v) =>
          ({
            'data-testid': 'order-visit',
            'data-status': v.status,
            'data-round': v.round,
            'data-duty': v.duty,
          }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="order-visits"
      />
      <VisitActionModal task={picked?.task ?? null} action={picked?.action ?? null} onClose={() => setPicked(null)} />
    </>
  );
}
