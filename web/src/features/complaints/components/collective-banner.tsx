import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useCollectiveProposals, useMergeCollective } from '../api';

/** Proposed collective cases (集体投诉) of the community, each with a Merge button for the supervisor. */
export function CollectiveBanner({ communityId }: { communityId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const proposals = useCollectiveProposals(communityId, !!communityId);
  const merge = useMergeCollective();
  const onError = useApiErrorHandler();
  if (!proposals.data?.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {proposals.data.map((p) => (
        <Alert
          key={p.complaints[0]?.id}
          type="warning"
          showIcon
          data-testid="collective-proposal"
          message={t('complaints.proposal', { place: p.placeLabel, n: p.householdCount })}
          description={p.complaints.map((c) => `${c.number} ${c.complainantName}`).join('；')}
          action={
            <Button
              danger
              loading={merge.isPending}
              data-testid="merge-collective"
              onClick={() =>
                merge.mutate(
                  p.complaints.map((c) => c.id),
                  { onSuccess: (d) => navigate(`/complaints/${d.id}`), onError: (e) => onError(e) },
                )
              }
            >
              {t('complaints.mergeNow')}
            </Button>
          }
        />
      ))}
    </Space>
  );
}
