import { Alert, App, Button, Card, DatePicker, Input, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { dayjs, formatDateTime, local } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type GoodsPassSummary, useDailyReview, useMarkDayReviewed } from '../api/goods-passes';
import { GoodsPassStatusTag } from './goods-pass-status-tag';

const countKeys = ['issued', 'released', 'returned', 'expired', 'cancelled', 'open'] as const;

/** 保安经理每天核对: one day's passes, counted, and the sign-off. */
export function DailyReviewPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const [day, setDay] = useState(() => local(new Date()).format('YYYY-MM-DD'));
  const [note, setNote] = useState('');
  const review = useDailyReview(communityId, day);
  const mark = useMarkDayReviewed();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const r = review.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="goods-pass-review-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('goodsPasses.review.title')}
        </Typography.Title>
        <DatePicker
          value={dayjs(day)}
          allowClear={false}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          data-testid="goods-pass-review-day"
        />
      </Space>
      <Card size="small">
        <Space size="large" wrap data-testid="goods-pass-review-counts">
          {countKeys.map((k) => (
            <Statistic key={k} title={t(`goodsPasses.review.counts.${k}`)} value={r?.counts[k] ?? 0} data-testid={`review-count-${k}`} />
          ))}
        </Space>
      </Card>
      <Card size="small">
        <Table
          rowKey="id"
          size="small"
          loading={review.isLoading}
          dataSource={r?.passes ?? []}
          pagination={false}
          data-testid="goods-pass-review-table"
          onRow={(p) => ({ 'data-testid': 'goods-pass-review-row', 'data-number': p.number }) as never}
          columns={[
            {
              title: t('goodsPasses.number'),
              dataIndex: 'number',
              render: (n: string, p: GoodsPassSummary) => <Link to={`/goods-passes/${p.id}`}>{n}</Link>,
            },
            { title: t('goodsPasses.location'), dataIndex: 'location' },
            {
              title: t('goodsPasses.items'),
              dataIndex: 'items',
              render: (items: GoodsPassSummary['items']) => items.map((i) => `${i.name}×${i.quantity}`).join('、'),
            },
            { title: t('goodsPasses.status'), dataIndex: 'status', render: (v: string) => <GoodsPassStatusTag status={v} /> },
            { title: t('goodsPasses.issuedBy'), dataIndex: 'issuedByName' },
            { title: t('goodsPasses.releasedBy'), dataIndex: 'releasedByName', render: (v: string | null) => v ?? '—' },
            { title: t('goodsPasses.releasedAt'), dataIndex: 'releasedAt', render: (v: string | null) => formatDateTime(v) || '—' },
          ]}
        />
      </Card>
      {r?.review ? (
        <Alert
          type="success"
          showIcon
          data-testid="goods-pass-reviewed"
          title={t('goodsPasses.review.reviewedBy', { name: r.review.reviewedByName, at: formatDateTime(r.review.reviewedAt) })}
          description={r.review.note || undefined}
        />
      ) : r?.canReview && communityId ? (
        <Card size="small">
          <Space>
            <Input
              placeholder={t('goodsPasses.review.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={{ width: 320 }}
            />
            <Button
              type="primary"
              loading={mark.isPending}
              data-testid="goods-pass-review-mark"
              onClick={() =>
                mark.mutate(
                  { communityId, day, ...(note ? { note } : {}) },
                  { onSuccess: () => void message.success(t('goodsPasses.review.done')), onError: (e) => onError(e) },
                )
              }
            >
              {t('goodsPasses.review.mark')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Typography.Text type="secondary">{t('goodsPasses.review.notReviewed')}</Typography.Text>
      )}
    </Space>
  );
}
