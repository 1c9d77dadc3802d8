import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { usePatrolRound } from '../api/patrol';
import { RoundView } from './round-view';

/** One patrol round: its findings, the orders they raised and their state. */
export function PatrolRoundDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = usePatrolRound(id);
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="patrol-round-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/patrol/rounds')}>
          {t('patrol.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {q.data.routeName} · {formatDateTime(q.data.startedAt)}
        </Typography.Title>
      </Space>
      <Card size="small">
        <RoundView round={q.data} />
      </Card>
    </Space>
  );
}
