import { Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSignedInMe } from '../../auth/api/get-me';
import { useCommunities } from '../../directory/api/list-communities';
import { type ComplaintListParams, type ComplaintSummary, useComplaints } from '../api';
import { CollectiveBanner } from './collective-banner';
import { ComplaintTags } from './complaint-tags';
import { label } from '../../../lib/i18n';

const companyRoles = ['admin', 'company_manager', 'complaint_centre'];
const classes = ['valid', 'assisted', 'invalid', 'collective'] as const;

/** /complaints: the desk's list; company roles filter by community and the centre forwards cases. */
export function ComplaintListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const isCompany = companyRoles.includes(me.role);
  const communities = useCommunities(isCompany);
  const [params, setParams] = useState<ComplaintListParams>({ view: 'active' });
  const list = useComplaints(params);
  const mayCreate = ['clerk', 'cs_supervisor', 'cs_manager', 'director'].includes(me.role);
  const mayForward = ['complaint_centre', 'company_manager', 'admin'].includes(me.role);
  return (
    <Card
      title={isCompany ? t('complaints.centre') : t('complaints.list')}
      data-testid="complaint-list-page"
      extra={
        <Space>
          {mayCreate ? (
            <Button type="primary" onClick={() => navigate('/complaints/new')} data-testid="new-complaint">
              {t('complaints.new')}
            </Button>
          ) : null}
          {mayForward ? (
            <Button type="primary" onClick={() => navigate('/complaints/new?forward=1')} data-testid="forward-complaint">
              {t('complaints.forward')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {['cs_supervisor', 'director'].includes(me.role) ? <CollectiveBanner communityId={me.communityId ?? null} /> : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={params.view}
          onChange={(v) => setParams({ ...params, view: v as ComplaintListParams['view'] })}
          options={(['active', 'overdue', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`complaints.view.${v}`) }))}
          data-testid="complaint-view"
        />
        {isCompany ? (
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('complaints.allCommunities')}
            value={params.communityId ?? undefined}
            onChange={(v) => setParams({ ...params, communityId: v ?? null })}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="complaint-community-filter"
          />
        ) : null}
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('complaints.class')}
          value={params.complaintClass ?? undefined}
          onChange={(v) => setParams({ ...params, complaintClass: v ?? null })}
          options={classes.map((c) => ({ value: c, label: t(`complaints.classes.${c}`) }))}
          data-testid="complaint-class-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('complaints.search')}
          onSearch={(q) => setParams({ ...params, q })}
          style={{ width: 240 }}
          data-testid="complaint-search"
        />
      </Space>
      <Table<ComplaintSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="complaint-table"
        rowClassName={(c) => (c.flags.length > 0 ? 'row-overdue' : '')}
        columns={[
          {
            title: t('complaints.number'),
            dataIndex: 'number',
            render: (n: string, c) => (
              <Link
                to={`/complaints/${c.id}`}
                data-testid="complaint-link"
                data-number={n}
                style={c.flags.length ? { color: '#cf1322' } : undefined}
              >
                {n}
              </Link>
            ),
          },
          ...(isCompany ? [{ title: t('complaints.community'), dataIndex: 'communityName' }] : []),
          { title: t('complaints.status'), render: (_: unknown, c: ComplaintSummary) => <ComplaintTags c={c} /> },
          { title: t('complaints.complainant'), dataIndex: 'complainantName' },
          {
            title: t('complaints.households'),
            render: (_: unknown, c: ComplaintSummary) => t('complaints.householdCount', { n: c.householdCount }),
          },
          {
            title: t('complaints.content'),
            dataIndex: 'content',
            render: (s: string) => (
              <Typography.Text ellipsis={{ tooltip: s }} style={{ maxWidth: 280 }}>
                {s}
              </Typography.Text>
            ),
          },
          {
            title: t('complaints.overdue'),
            render: (_: unknown, c: ComplaintSummary) =>
              c.flags.map((f) => (
                <Tag key={f} color="red" data-testid="complaint-overdue">
                  {label('complaints.flags', f)}
                </Tag>
              )),
          },
          { title: t('complaints.createdAt'), dataIndex: 'createdAt', render: (d: string) => dayjs(d).format('MM-DD HH:mm') },
        ]}
      />
    </Card>
  );
}
