import { AlertOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useContactAction, useEmergencies } from '../api/contacts';

const dutyRoles = rolesWith('contact.view');

/** Open emergencies, red above every desk page until someone takes them; refreshed live. */
export function EmergencyBanner() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { communityId } = useCommunity();
  const canSee = dutyRoles.includes(me.role);
  const { data } = useEmergencies(communityId, canSee);
  const act = useContactAction();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  if (!canSee || !data?.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="emergency-banner">
      {data.map((e) => (
        <Alert
          key={e.id}
          type="error"
          showIcon
          icon={<AlertOutlined />}
          data-testid="emergency-item"
          data-number={e.number}
          title={
            <span>
              <strong>
                {t('intake.emergencyBanner')}
                {e.emergencyKind ? `（${t(`intake.emergencyKinds.${e.emergencyKind}` as never)}）` : ''}
              </strong>{' '}
              <Link to={`/duty/${e.id}`}>{e.number}</Link> · {e.location || e.callerName} · {e.content}
            </span>
          }
          description={
            <span>
              {e.callerName}
              {e.callerPhone ? ` ${e.callerPhone}` : ''} · {t('intake.createdAt')} {formatShort(e.createdAt)}
              {e.flags.includes('emergency_unacknowledged') ? ` · ${t('intake.flags.emergency_unacknowledged')}` : ''}
            </span>
          }
          action={
            <Button
              danger
              type="primary"
              data-testid="emergency-take"
              loading={act.isPending && act.variables?.id === e.id}
              onClick={() =>
                act.mutate(
                  { id: e.id, action: 'acknowledge', body: {} },
                  {
                    onSuccess: () => {
                      void message.success(t('intake.taken'));
                      // Whoever takes it records the outcome there.
                      void navigate(`/duty/${e.id}`);
                    },
                    onError: (err) => onError(err),
                  },
                )
              }
            >
              {t('intake.takeIt')}
            </Button>
          }
        />
      ))}
    </Space>
  );
}
