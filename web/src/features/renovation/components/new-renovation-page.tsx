import { Button, Card, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type PickedReporter, RoomFinder } from '../../repair/components/room-finder';
import { useCreateRenovation } from '../api/renovations';
import { ApplicationFields, type ApplicationValues, applicationBody, applicationFieldMap } from './application-fields';

interface Values extends ApplicationValues {
  roomId: string;
}

/** The room being renovated: the room finder, and the room picked (the form item's value). */
function RoomPick({
  communityId,
  value,
  onChange,
  onResident,
}: {
  communityId: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  onResident: (p: PickedReporter) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedReporter | null>(null);
  const shown = picked && picked.room.id === value ? picked : null;
  return (
    <div>
      <RoomFinder
        communityId={communityId}
        pickLabel={t('renovation.fields.pickApplicant')}
        onPick={(p) => {
          setPicked(p);
          onChange?.(p.room.id);
          onResident(p);
        }}
      />
      <div style={{ marginTop: 8 }} data-testid="renovation-picked-room">
        {shown ? (
          <Tag closable color="blue" onClose={() => onChange?.(undefined)} data-room-id={shown.room.id}>
            {shown.room.label}
            {shown.resident ? ` ${shown.resident.name}` : ''}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('renovation.fields.noRoom')}</Typography.Text>
        )}
      </div>
    </div>
  );
}

/** /renovations/new: the clerk records a resident's application (装修申请表); documents follow on its page. */
export function NewRenovationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { communityId } = useCommunity();
  const [form] = Form.useForm<Values>();
  const create = useCreateRenovation();
  const onError = useApiErrorHandler();
  if (!communityId) return null;
  const submit = (v: Values) =>
    create.mutate(
      { communityId, roomId: v.roomId, ...applicationBody(v) },
      {
        onSuccess: (d) => void navigate(`/renovations/${d.id}`),
        onError: (e) => onError(e, form as never, applicationFieldMap),
      },
    );
  return (
    <Card title={t('renovation.newTitle')} data-testid="new-renovation-page">
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ workItems: [], isAgreementSigned: false }}>
        <Form.Item
          name="roomId"
          label={t('renovation.fields.pickRoom')}
          rules={[{ required: true, message: t('renovation.fields.noRoom') }]}
        >
          <RoomPick
            communityId={communityId}
            onResident={(p) => {
              if (p.resident) form.setFieldsValue({ applicantName: p.resident.name, applicantPhone: p.resident.phone });
            }}
          />
        </Form.Item>
        <ApplicationFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="renovation-submit">
            {t('renovation.mobile.submit')}
          </Button>
          <Button onClick={() => void navigate('/renovations')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
