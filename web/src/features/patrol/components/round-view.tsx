import { Descriptions, Image, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import type { RoundDetail } from '../api/patrol';

type Finding = RoundDetail['findings'][number];
interface Row {
  checkpoint: RoundDetail['checkpoints'][number];
  finding: Finding | null;
}

/** One round as the desk and the daily report show it: who, when, how long, and each checkpoint's finding. */
export function RoundView({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const byCheckpoint = new Map(round.findings.map((f) => [f.checkpointId, f]));
  const rows: Row[] = round.checkpoints.map((c) => ({ checkpoint: c, finding: byCheckpoint.get(c.id) ?? null }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'route', label: t('patrol.route'), children: round.routeName },
          { key: 'patroller', label: t('patrol.patroller'), children: round.patrollerName },
          {
            key: 'status',
            label: t('patrol.status'),
            children: <Tag color={round.status === 'finished' ? 'green' : 'blue'}>{t(`patrol.statuses.${round.status}`)}</Tag>,
          },
          { key: 'started', label: t('patrol.startedAt'), children: formatDateTime(round.startedAt) },
          { key: 'finished', label: t('patrol.finishedAt'), children: formatDateTime(round.finishedAt) || '—' },
          {
            key: 'duration',
            label: t('patrol.duration'),
            children: round.durationMinutes === null ? '—' : t('patrol.minutes', { n: round.durationMinutes }),
          },
          { key: 'summary', label: t('patrol.summary'), children: round.summary ?? '—', span: 3 },
        ]}
      />
      <Table<Row>
        rowKey={(r) => r.checkpoint.id}
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('patrol.checkpoints'), render: (_: unknown, r: Row) => r.checkpoint.label, width: 200 },
          {
            title: t('patrol.result'),
            width: 90,
            render: (_: unknown, r: Row) =>
              r.finding ? <Tag color={r.finding.result === 'ok' ? 'green' : 'red'}>{t(`patrol.results.${r.finding.result}`)}</Tag> : '—',
          },
          { title: t('patrol.note'), render: (_: unknown, r: Row) => r.finding?.note ?? '' },
          {
            title: t('patrol.category'),
            width: 90,
            render: (_: unknown, r: Row) => label('patrol.categories', r.finding?.category),
          },
          {
            title: t('patrol.order'),
            width: 220,
            render: (_: unknown, r: Row) =>
              r.finding?.repairOrder ? (
                <Space size={4}>
                  <Link to={`/orders/${r.finding.repairOrder.id}`} data-testid="patrol-finding-order">
                    {r.finding.repairOrder.number}
                  </Link>
                  <Tag>{label('status', r.finding.repairOrder.status)}</Tag>
                </Space>
              ) : r.finding?.result === 'issue' ? (
                t('patrol.noOrder')
              ) : (
                ''
              ),
          },
          {
            title: t('patrol.photos'),
            width: 140,
            render: (_: unknown, r: Row) => (
              <Image.PreviewGroup>
                {(r.finding?.photos ?? []).map((p) => (
                  <Image key={p.id} src={p.url} width={40} height={40} style={{ objectFit: 'cover' }} />
                ))}
              </Image.PreviewGroup>
            ),
          },
        ]}
      />
    </Space>
  );
}
