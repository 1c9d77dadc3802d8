import { Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { useSignedInMe } from '../../auth/api/get-me';
import { type LiaisonListParams, type LiaisonSummary, useLiaisons } from '../api/warranty';
import { LiaisonStatusTags } from './liaison-tags';

const creators = rolesWith('warranty.create');
const views = ['active', 'overdue', 'all'] as const;

/** 工作联系单: the liaison forms to the developer, by view. */
export function LiaisonListPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { communityId } = useCommunity();
  const [params, setParams] = useState<LiaisonListParams>({ view: 'active', limit: 50, offset: 0 });
  const list = useLiaisons({ ...params, communityId: communityId ?? undefined });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="liaison-list-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('warranty.title')}
        </Typography.Title>
        {creators.includes(me.role) && communityId ? (
          <Button type="primary" onClick={() => void navigate('/warranty/new')} data-testid="liaison-new">
            {t('warranty.new')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Tabs
          activeKey={params.view}
          onChange={(v) => setParams({ ...params, view: v as LiaisonListParams['view'], offset: 0 })}
          items={views.map((v) => ({ key: v, label: <span data-testid={`liaison-tab-${v}`}>{t(`warranty.view.${v}`)}</span> }))}
        />
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading || list.isPlaceholderData}
          dataSource={list.data?.items ?? []}
          pagination={{
            total: list.data?.total ?? 0,
            pageSize: params.limit ?? 50,
            current: Math.floor((params.offset ?? 0) / (params.limit ?? 50)) + 1,
            onChange: (page, size) => setParams({ ...params, limit: size, offset: (page - 1) * size }),
          }}
          columns={[
            {
              title: t('warranty.number'),
              dataIndex: 'number',
              width: 175,
              render: (n: string, r: LiaisonSummary) => (
                <Link to={`/warranty/${r.id}`} data-testid="liaison-link">
                  {n}
                </Link>
              ),
            },
            { title: t('warranty.createdAt'), dataIndex: 'createdAt', width: 96, render: (v: string) => formatShort(v) },
            { title: t('warranty.subject'), dataIndex: 'subject', ellipsis: true },
            { title: t('warranty.toDepartment'), dataIndex: 'toDepartment', width: 120 },
            { title: t('warranty.itemCount'), dataIndex: 'itemCount', width: 70 },
            {
              title: t('warranty.status'),
              dataIndex: 'status',
              width: 200,
              render: (v: string, r: LiaisonSummary) => <LiaisonStatusTags status={v} flags={r.flags} />,
            },
            { title: t('warranty.repairBy'), dataIndex: 'repairBy', width: 96, render: (v: string | null) => (v ? formatShort(v) : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
