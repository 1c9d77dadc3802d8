import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFulfilment } from '../api/patrol';

/** Rounds this week against the policy's number; a warning when behind (the board's flag). */
export function FulfilmentBanner({ communityId }: { communityId: string | null }) {
  const { t } = useTranslation();
  const f = useFulfilment(communityId);
  if (!f.data) return null;
  const week = t('patrol.week', { done: f.data.done, target: f.data.target });
  return (
    <Alert
      data-testid="patrol-fulfilment"
      type={f.data.isBehind ? 'warning' : 'success'}
      showIcon
      message={f.data.isBehind ? `${week} · ${t('patrol.behind', { expected: f.data.expectedSoFar })}` : `${week} · ${t('patrol.onTrack')}`}
    />
  );
}
