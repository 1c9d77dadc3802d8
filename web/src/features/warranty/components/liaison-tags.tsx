import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  awaiting_receipt: 'orange',
  awaiting_reply: 'gold',
  repair_scheduled: 'blue',
  repaired: 'cyan',
  closed: 'green',
  cancelled: 'default',
};

/** A liaison form's state and its overdue flags. */
export function LiaisonStatusTags({ status, flags }: { status: string; flags: string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      <Tag color={colors[status]} data-testid="liaison-status">
        {t(`warranty.statuses.${status}` as never)}
      </Tag>
      {flags.map((f) => (
        <Tag key={f} color="red">
          {t(`warranty.flags.${f}` as never)}
        </Tag>
      ))}
    </Space>
  );
}
