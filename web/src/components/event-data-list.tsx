import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The label: value lines of one step of a ticket's timeline. */
export function EventDataList({ items }: { items: { key: string; label: string; value: string }[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Space orientation="vertical" size={0} className="timeline-data">
      {items.map((d) => (
        <Typography.Text key={d.key} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">
            {d.label}
            {t('common.colon')}
          </Typography.Text>
          {d.value}
        </Typography.Text>
      ))}
    </Space>
  );
}
