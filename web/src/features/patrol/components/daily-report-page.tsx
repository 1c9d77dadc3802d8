import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../../app/community-context';
import { dayjs, local } from '../../../lib/datetime';
import { useDailyReport } from '../api/patrol';
import { FulfilmentBanner } from './fulfilment-banner';
import { RoundView } from './round-view';

/** 日报表 · 巡楼: the rounds of a day with findings and the orders raised, printable. */
export function PatrolDailyReportPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunity();
  const [date, setDate] = useState(() => local(new Date()).format('YYYY-MM-DD'));
  const report = useDailyReport(communityId, date);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="patrol-report-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.reportTitle')}
        </Typography.Title>
        <Space>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
          <Button
            icon={<PrinterOutlined />}
            disabled={!communityId}
            href={`/print/patrol/daily-report?communityId=${communityId ?? ''}&date=${date}`}
            target="_blank"
            data-testid="patrol-report-print"
          >
            {t('patrol.print')}
          </Button>
        </Space>
      </Space>
      <FulfilmentBanner communityId={communityId} />
      {report.data ? (
        <>
          <Typography.Text data-testid="patrol-report-totals">
            {t('patrol.reportTotals', {
              rounds: report.data.rounds.length,
              issues: report.data.issueCount,
              orders: report.data.orderCount,
            })}
          </Typography.Text>
          {report.data.rounds.length === 0 ? <Empty description={t('patrol.noRounds')} /> : null}
          {report.data.rounds.map((r) => (
            <Card key={r.id} size="small">
              <RoundView round={r} />
            </Card>
          ))}
        </>
      ) : null}
    </Space>
  );
}
