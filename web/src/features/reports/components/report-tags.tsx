import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';

const colors: Record<string, string> = { draft: 'gold', submitted: 'blue', received: 'green' };

/** A report's state, and whether it was late at the complaint centre. */
export function ReportStatusTags({ status, isOverdue }: { status: string; isOverdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={2}>
      <Tag color={colors[status]} data-testid="report-status">
        {label('reports.statuses', status)}
      </Tag>
      {isOverdue ? (
        <Tag color="red" data-testid="report-overdue">
          {t('reports.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}
