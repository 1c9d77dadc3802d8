import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColor: Record<string, string> = {
  created: 'default',
  with_supervisor: 'gold',
  with_department: 'orange',
  in_progress: 'blue',
  returned: 'cyan',
  closed: 'green',
  cancelled: 'default',
};

export function MatterStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="matter-status" data-status={status}>
      {t(`matters.statuses.${status}` as never)}
    </Tag>
  );
}
