import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  pending_cs: 'gold',
  pending_engineering: 'gold',
  issued: 'blue',
  active: 'red',
  suspended: 'volcano',
  finished: 'purple',
  closed: 'green',
  rejected: 'default',
  cancelled: 'default',
};

/** A permit's state as a coloured tag. */
export function HotWorkStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="hot-work-status" data-status={status}>
      {t(`hotWork.statuses.${status}` as never)}
    </Tag>
  );
}
