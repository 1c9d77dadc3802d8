import { PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairCategoryEnum } from '../../../../../src/contract/repair';
import { useCommunity } from '../../../app/community-context';
import { dayjs, formatDateTime, local } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type OwnerVisitView,
  type Proposal,
  useFollowUpIssue,
  useMakePlan,
  useOwnerVisitMonth,
  useOwnerVisitProposals,
} from '../api/owner-visits';
import { VisitModal, type VisitTarget } from './visit-forms';

const statusColor = { booked: 'blue', done: 'green', cancelled: 'default' } as const;

/** 业户访问: the month's plan and quota, proposals to book, bookings to record, fulfilment by day, the month's list. */
export function OwnerVisitsPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const [month, setMonth] = useState(() => local(new Date()).format('YYYY-MM'));
  const [target, setTarget] = useState<VisitTarget | null>(null);
  const view = useOwnerVisitMonth(communityId, month);
  const data = view.data;
  const proposals = useOwnerVisitProposals(data?.plan.communityId ?? communityId, month, !!data?.canBook || !!data?.canRecord);
  const makePlan = useMakePlan();
  const followUp = useFollowUpIssue();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [category, setCategory] = useState<string>('other');
  const community = data?.plan.communityId ?? '';
  const f = data?.fulfilment;

  const proposalColumns = [
    { title: t('ownerVisits.building'), dataIndex: 'buildingName', width: 100 },
    { title: t('ownerVisits.household'), dataIndex: 'label' },
    { title: t('ownerVisits.residents'), dataIndex: 'residentNames', render: (v: string[]) => v.join('、') },
    {
      title: '',
      width: 200,
      render: (_: unknown, p: Proposal) => (
        <Space>
          {data?.canBook ? (
            <Button
              size="small"
              type="primary"
              onClick={() => setTarget({ kind: 'book', communityId: community, roomId: p.roomId, household: p.label })}
              data-testid="owner-visit-book"
            >
              {t('ownerVisits.book')}
            </Button>
          ) : null}
          {data?.canRecord ? (
            <Button
              size="small"
              onClick={() => setTarget({ kind: 'record-unbooked', communityId: community, roomId: p.roomId, household: p.label })}
              data-testid="owner-visit-record-unbooked"
            >
              {t('ownerVisits.record')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const visitColumns = [
    { title: t('ownerVisits.household'), dataIndex: 'householdLabel' },
    {
      title: t('ownerVisits.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: OwnerVisitView['status']) => <Tag color={statusColor[s]}>{t(`ownerVisits.statuses.${s}`)}</Tag>,
    },
    { title: t('ownerVisits.bookedFor'), dataIndex: 'bookedFor', width: 140, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('ownerVisits.visitedAt'), dataIndex: 'visitedAt', width: 140, render: (v: string | null) => formatDateTime(v) || '—' },
    {
      title: t('ownerVisits.method'),
      dataIndex: 'method',
      width: 100,
      render: (m: OwnerVisitView['method']) => (m ? t(`ownerVisits.methods.${m}`) : '—'),
    },
    { title: t('ownerVisits.visitor'), dataIndex: 'visitorName', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('ownerVisits.signature'),
      dataIndex: 'signature',
      width: 110,
      render: (s: OwnerVisitView['signature'], v: OwnerVisitView) =>
        s === 'signed' ? (
          `${t('ownerVisits.signatures.signed')} ${v.signedBy ?? ''}`
        ) : s === 'refused' ? (
          <Tag color="orange">{t('ownerVisits.refusedTag')}</Tag>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      width: 230,
      render: (_: unknown, v: OwnerVisitView) => (
        <Space wrap size={4}>
          {v.actions.includes('record') ? (
            <Button
              size="small"
              type="primary"
              onClick={() => setTarget({ kind: 'record', id: v.id, household: v.householdLabel })}
              data-testid="owner-visit-record"
            >
              {t('ownerVisits.record')}
            </Button>
          ) : null}
          {v.actions.includes('reschedule') ? (
            <Button size="small" onClick={() => setTarget({ kind: 'reschedule', id: v.id, household: v.householdLabel })}>
              {t('ownerVisits.reschedule')}
            </Button>
          ) : null}
          {v.actions.includes('cancel') ? (
            <Button
              size="small"
              danger
              onClick={() => setTarget({ kind: 'cancel', id: v.id, household: v.householdLabel })}
              data-testid="owner-visit-cancel"
            >
              {t('ownerVisits.cancel')}
            </Button>
          ) : null}
          <Button
            size="small"
            icon={<PrinterOutlined />}
            href={`/print/owner-visits/${v.id}`}
            target="_blank"
            data-testid="owner-visit-print"
          >
            {t('ownerVisits.print')}
          </Button>
        </Space>
      ),
    },
  ];

  const expanded = (v: OwnerVisitView) => (
    <Descriptions size="small" column={1} bordered>
      {v.residentName ? <Descriptions.Item label={t('ownerVisits.residentName')}>{v.residentName}</Descriptions.Item> : null}
      {v.isWithheld ? (
        <Descriptions.Item label={t('ownerVisits.notes')}>{t('ownerVisits.withheld')}</Descriptions.Item>
      ) : (
        <>
          <Descriptions.Item label={t('ownerVisits.notes')}>{v.notes ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ownerVisits.opinions')}>{v.opinions ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ownerVisits.issues')}>
            {v.issues.length === 0
              ? '—'
              : v.issues.map((i, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a record's issues never move; the index is the issue's address in the API.
                  <div key={index} style={{ marginBottom: 4 }}>
                    <Space wrap>
                      <span>{i.text}</span>
                      {i.ticketNumber ? (
                        <Tag color="purple">{t('ownerVisits.followedUp', { number: i.ticketNumber })}</Tag>
                      ) : v.actions.includes('follow_up') ? (
                        <>
                          <Select
                            size="small"
                            style={{ width: 120 }}
                            value={category}
                            onChange={setCategory}
                            aria-label={t('ownerVisits.repairCategory')}
                            options={repairCategoryEnum.options.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                          />
                          {(['repair', 'complaint'] as const).map((as) => (
                            <Button
                              key={as}
                              size="small"
                              loading={followUp.isPending}
                              data-testid={`owner-visit-to-${as}`}
                              onClick={() =>
                                followUp.mutate(
                                  { id: v.id, index, body: as === 'repair' ? { as, category: category as never } : { as } },
                                  { onSuccess: () => void message.success(t('ownerVisits.followUp')), onError: (e) => onError(e) },
                                )
                              }
                            >
                              {t(as === 'repair' ? 'ownerVisits.toRepair' : 'ownerVisits.toComplaint')}
                            </Button>
                          ))}
                        </>
                      ) : null}
                    </Space>
                  </div>
                ))}
          </Descriptions.Item>
        </>
      )}
      {v.cancelReason ? <Descriptions.Item label={t('ownerVisits.cancelReason')}>{v.cancelReason}</Descriptions.Item> : null}
    </Descriptions>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="owner-visits-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('ownerVisits.title')}
          {data ? <Typography.Text type="secondary"> · {data.plan.communityName}</Typography.Text> : null}
        </Typography.Title>
        <Space>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            aria-label={t('ownerVisits.month')}
            data-testid="owner-visit-month"
          />
          <Button
            icon={<PrinterOutlined />}
            disabled={!community}
            href={`/print/owner-visits?communityId=${community}&month=${month}`}
            target="_blank"
          >
            {t('ownerVisits.printMonth')}
          </Button>
        </Space>
      </Space>

      {data && f ? (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card
              size="small"
              title={t('ownerVisits.quota', { quota: data.plan.quota, percent: data.plan.quotaPercent })}
              data-testid="owner-visit-plan"
            >
              <Space orientation="vertical">
                <Typography.Text>{t('ownerVisits.occupied', { n: data.plan.occupiedHouseholds })}</Typography.Text>
                {data.plan.isPlanned ? (
                  <Typography.Text type="secondary">
                    {t('ownerVisits.planned', { by: data.plan.createdByName ?? '', at: formatDateTime(data.plan.createdAt) })}
                  </Typography.Text>
                ) : (
                  <Space wrap>
                    <Typography.Text type="warning">{t('ownerVisits.notPlanned')}</Typography.Text>
                    {data.canBook ? (
                      <Button
                        type="primary"
                        size="small"
                        loading={makePlan.isPending}
                        onClick={() =>
                          makePlan.mutate(
                            { communityId: community, month },
                            { onSuccess: () => void message.success(t('ownerVisits.planMade')), onError: (e) => onError(e) },
                          )
                        }
                        data-testid="owner-visit-make-plan"
                      >
                        {t('ownerVisits.makePlan')}
                      </Button>
                    ) : null}
                  </Space>
                )}
                <Typography.Text type="secondary">{t('ownerVisits.summaryDue', { date: f.summaryDueOn })}</Typography.Text>
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('ownerVisits.fulfilment')} data-testid="owner-visit-fulfilment">
              <Row gutter={16} align="middle">
                <Col span={8}>
                  <Progress
                    type="circle"
                    size={96}
                    percent={Math.min(100, f.fulfilmentPercent)}
                    format={() => `${f.fulfilmentPercent}%`}
                    status={f.isFulfilled ? 'success' : 'active'}
                  />
                </Col>
                <Col span={16}>
                  <Space orientation="vertical" size={2}>
                    <Statistic
                      value={f.householdsVisited}
                      suffix={`/ ${f.quota}`}
                      title={t('ownerVisits.visited', { done: f.householdsVisited, quota: f.quota })}
                    />
                    <Typography.Text>
                      {t('ownerVisits.signedCount', { n: f.signed })} · {t('ownerVisits.refusedCount', { n: f.refused })}
                    </Typography.Text>
                    <Typography.Text>
                      {t('ownerVisits.issuesCount', { n: f.issuesRaised, repair: f.issuesToRepair, complaint: f.issuesToComplaint })}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('ownerVisits.byMethod')}：
                      {Object.entries(f.byMethod)
                        .filter(([, n]) => n > 0)
                        .map(([m, n]) => `${t(`ownerVisits.methods.${m as NonNullable<OwnerVisitView['method']>}`)} ${n}`)
                        .join('，') || '—'}
                    </Typography.Text>
                  </Space>
                </Col>
              </Row>
              {f.byDay.length > 0 ? (
                <Table
                  size="small"
                  rowKey="date"
                  pagination={false}
                  style={{ marginTop: 8 }}
                  dataSource={f.byDay}
                  title={() => t('ownerVisits.byDay')}
                  columns={[
                    { title: t('ownerVisits.date'), dataIndex: 'date' },
                    { title: t('ownerVisits.doneThatDay'), dataIndex: 'done' },
                    { title: t('ownerVisits.cumulative'), dataIndex: 'cumulative' },
                  ]}
                  data-testid="owner-visit-by-day"
                />
              ) : null}
            </Card>
          </Col>
        </Row>
      ) : null}

      {data && (data.canBook || data.canRecord) ? (
        <Card
          size="small"
          title={t('ownerVisits.proposals')}
          extra={
            <Typography.Text type="secondary">
              {t('ownerVisits.proposalsHint', { months: proposals.data?.repeatWindowMonths ?? '' })}
            </Typography.Text>
          }
        >
          <Table
            rowKey="roomId"
            size="small"
            loading={proposals.isLoading}
            dataSource={proposals.data?.items ?? []}
            columns={proposalColumns}
            pagination={false}
            locale={{ emptyText: <Empty description={t('ownerVisits.noProposals')} /> }}
            data-testid="owner-visit-proposals"
          />
        </Card>
      ) : null}

      <Card size="small" title={t('ownerVisits.visits')}>
        <Table
          rowKey="id"
          size="small"
          loading={view.isLoading}
          dataSource={data?.visits ?? []}
          columns={visitColumns}
          expandable={{ expandedRowRender: expanded }}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: <Empty description={t('ownerVisits.noVisits')} /> }}
          data-testid="owner-visit-list"
        />
      </Card>
      <VisitModal target={target} onClose={() => setTarget(null)} />
    </Space>
  );
}
