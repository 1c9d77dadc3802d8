import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { type OutboxMessage, useOutbox } from '../api/list-outbox';

/** /admin/outbox 短信发件箱: the text messages the default provider stored instead of sending. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data, error, isFetching, refetch } = useOutbox();
  const [phone, setPhone] = useState('');
  const rows = useMemo(() => (data ?? []).filter((m) => !phone.trim() || m.phone.includes(phone.trim())), [data, phone]);

  return (
    <div data-testid="outbox-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('outbox.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          {t('common.refresh')}
        </Button>
      </div>
      <Alert type="info" showIcon title={t('outbox.hint')} style={{ marginBottom: 12 }} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div className="filter-bar">
          <Input.Search
            allowClear
            placeholder={t('outbox.searchPhone')}
            style={{ width: 240 }}
            onSearch={setPhone}
            onChange={(e) => setPhone(e.target.value)}
            data-testid="outbox-search"
          />
        </div>
        {error ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<OutboxMessage>
            size="small"
            rowKey="id"
            loading={isFetching && !data}
            dataSource={rows}
            pagination={{ pageSize: 50, size: 'small', showTotal: (n) => t('common.total', { count: n }) }}
            onRow={() => ({ 'data-testid': 'outbox-row' }) as React.HTMLAttributes<HTMLElement>}
            data-testid="outbox-table"
            columns={[
              { title: t('outbox.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
              { title: t('outbox.phone'), dataIndex: 'phone', width: 130 },
              {
                title: t('outbox.purpose'),
                dataIndex: 'purpose',
                width: 120,
                render: (p: string) => <Tag>{label('outbox.purposes', p)}</Tag>,
              },
              {
                title: t('outbox.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: string) => (
                  <Tag color={s === 'failed' ? 'red' : s === 'sent' ? 'green' : 'blue'}>{label('outbox.statuses', s)}</Tag>
                ),
              },
              { title: t('outbox.body'), dataIndex: 'body', render: (b: string) => <span data-testid="outbox-body">{b}</span> },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
