import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useOrderWarranty } from '../api/warranty';

/** On a repair order: whether it is in warranty, the liaison forms listing it, and "raise a liaison form". */
export function OrderWarrantyCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useOrderWarranty(orderId);
  if (!q.data) return null;
  const w = q.data;
  return (
    <Card size="small" title={t('warranty.card')} data-testid="order-warranty">
      <Space wrap>
        {w.isInWarranty === true ? (
          <Tag color="green" data-testid="order-warranty-status">
            {t('warranty.inWarranty')}
          </Tag>
        ) : w.isInWarranty === false ? (
          <Tag data-testid="order-warranty-status">{t('warranty.outOfWarranty')}</Tag>
        ) : (
          <Tag data-testid="order-warranty-status">{t('warranty.unknown')}</Tag>
        )}
        {w.warrantyClass ? <Typography.Text>{t(`warranty.classes.${w.warrantyClass}`)}</Typography.Text> : null}
        {w.handoverDate ? <Typography.Text type="secondary">{t('warranty.handover', { date: w.handoverDate })}</Typography.Text> : null}
        {w.lastDay ? <Typography.Text type="secondary">{t('warranty.until', { date: w.lastDay })}</Typography.Text> : null}
        {w.liaisonForms.length ? (
          <span>
            {t('warranty.onForms')}：
            {w.liaisonForms.map((f) => (
              <Link key={f.id} to={`/warranty/${f.id}`} style={{ marginRight: 8 }}>
                {f.number}
              </Link>
            ))}
          </span>
        ) : w.canRaiseLiaison ? (
          <Button size="small" onClick={() => void navigate(`/warranty/new?orderId=${orderId}`)} data-testid="order-warranty-raise">
            {t('warranty.raise')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
