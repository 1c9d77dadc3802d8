import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  submitted: 'gold',
  assigned: 'blue',
  signed: 'blue',
  paid: 'cyan',
  active: 'green',
  expired: 'red',
  rejected: 'default',
  cancelled: 'default',
};
const spaceColors: Record<string, string> = { free: 'green', occupied: 'blue', reserved: 'gold' };

/** An application's state as a coloured tag. */
export function ParkingStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="parking-status" data-status={status}>
      {t(`parking.statuses.${status}` as never)}
    </Tag>
  );
}

/** A space's state as a coloured tag. */
export function SpaceStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={spaceColors[status] ?? 'default'} data-testid="space-status" data-status={status}>
      {t(`parking.spaceStatuses.${status}` as never)}
    </Tag>
  );
}
