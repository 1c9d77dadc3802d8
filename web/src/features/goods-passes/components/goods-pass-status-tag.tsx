import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  applied: 'gold',
  issued: 'blue',
  released: 'green',
  returned: 'orange',
  expired: 'default',
  cancelled: 'default',
};

/** A pass's state as a coloured tag. */
export function GoodsPassStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="goods-pass-status" data-status={status}>
      {t(`goodsPasses.statuses.${status}` as never)}
    </Tag>
  );
}
