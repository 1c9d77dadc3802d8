import { Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useBuildings } from '../../directory/api/list-buildings';
import { useCommunities } from '../../directory/api/list-communities';
import { type PickedReporter, RoomFinder } from '../../repair/components/room-finder';
import { useCreateComplaint } from '../api';

const channels = ['phone', 'walk_in', 'on_site', 'wechat', 'email', 'fax', 'mailbox', 'letter'] as const;

interface Values {
  communityId?: string;
  complainantName: string;
  complainantPhone?: string;
  channel: (typeof channels)[number];
  form: 'oral' | 'written';
  content: string;
  buildingId?: string;
  facility?: string;
  isOnSpot?: boolean;
  onSpotResult?: string;
  /** When staff fixed it on the spot; reporting more than an hour later is recorded as late. */
  onSpotAt?: Dayjs;
  isForwarded?: boolean;
}

/** /complaints/new: the desk records a complaint (用户投诉记录) for one or several households; ?forward=1 for the centre. */
export function NewComplaintPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const isForward = search.get('forward') === '1';
  const [form] = Form.useForm<Values>();
  const communities = useCommunities(!me.communityId);
  const communityId = Form.useWatch('communityId', form) ?? me.communityId ?? null;
  const buildings = useBuildings(communityId);
  const isOnSpot = Form.useWatch('isOnSpot', form) === true;
  const [picked, setPicked] = useState<PickedReporter[]>([]);
  const create = useCreateComplaint(isForward);
  const onError = useApiErrorHandler();

  const onPick = (p: PickedReporter) => {
    if (picked.some((x) => x.room.id === p.room.id)) return;
    if (picked.length === 0 && p.resident) {
      form.setFieldsValue({ complainantName: p.resident.name, complainantPhone: p.resident.phone });
    }
    setPicked([...picked, p]);
  };
  const submit = (v: Values) => {
    const first = picked[0]?.resident;
    create.mutate(
      {
        communityId: communityId ?? '',
        complainantName: v.complainantName,
        complainantPhone: v.complainantPhone || undefined,
        residentId: first && first.name === v.complainantName ? first.id : undefined,
        householdIds: picked.map((p) => p.room.id),
        channel: v.channel,
        form: v.form,
        content: v.content,
        buildingId: v.buildingId,
        facility: v.facility || undefined,
        isForwarded: v.isForwarded ?? false,
        onSpot: v.isOnSpot ? { handledAt: (v.onSpotAt ?? dayjs()).toISOString(), result: v.onSpotResult ?? '' } : undefined,
      },
      { onSuccess: (d) => navigate(`/complaints/${d.id}`), onError: (e) => onError(e, form as never, { households: 'content' }) },
    );
  };

  return (
    <Card title={isForward ? t('complaints.forward') : t('complaints.new')} data-testid="new-complaint-page">
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'phone', form: 'oral' }}>
        {!me.communityId ? (
          <Form.Item name="communityId" label={t('complaints.community')} rules={[{ required: true }]}>
            <Select options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="complaint-community" />
          </Form.Item>
        ) : null}
        {communityId ? (
          <Form.Item label={t('complaints.pickHouseholds')} required>
            <RoomFinder communityId={communityId} onPick={onPick} pickLabel={t('complaints.pickComplainant')} />
            <div style={{ marginTop: 8 }} data-testid="picked-households">
              {picked.length === 0 ? (
                <Typography.Text type="secondary">{t('complaints.noHouseholds')}</Typography.Text>
              ) : (
                picked.map((p) => (
                  <Tag
                    key={p.room.id}
                    closable
                    onClose={() => setPicked(picked.filter((x) => x.room.id !== p.room.id))}
                    data-testid="picked-household"
                  >
                    {p.room.label}
                    {p.resident ? ` ${p.resident.name}` : ''}
                  </Tag>
                ))
              )}
            </div>
          </Form.Item>
        ) : null}
        <Space wrap>
          <Form.Item name="complainantName" label={t('complaints.complainant')} rules={[{ required: true }]}>
            <Input data-testid="complainant-name" />
          </Form.Item>
          <Form.Item name="complainantPhone" label={t('complaints.phone')}>
            <Input data-testid="complainant-phone" />
          </Form.Item>
          <Form.Item name="channel" label={t('complaints.channel')}>
            <Select
              style={{ width: 140 }}
              options={channels.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))}
              data-testid="complaint-channel"
            />
          </Form.Item>
          <Form.Item name="form" label={t('complaints.form')}>
            <Radio.Group options={(['oral', 'written'] as const).map((f) => ({ value: f, label: t(`complaints.forms.${f}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="buildingId" label={t('complaints.fields.building')}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              data-testid="complaint-building"
            />
          </Form.Item>
          <Form.Item name="facility" label={t('complaints.fields.facility')}>
            <Input data-testid="complaint-facility" />
          </Form.Item>
        </Space>
        <Form.Item name="content" label={t('complaints.content')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="complaint-content" />
        </Form.Item>
        {!isForward ? (
          <>
            <Space wrap size="large">
              <Form.Item name="isOnSpot" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="complaint-on-spot">{t('complaints.fields.onSpot')}</Checkbox>
              </Form.Item>
              <Form.Item name="isForwarded" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('complaints.fields.isForwarded')}</Checkbox>
              </Form.Item>
            </Space>
            {isOnSpot ? (
              <>
                <Form.Item
                  name="onSpotAt"
                  label={t('complaints.fields.onSpotAt')}
                  extra={t('complaints.fields.onSpotAtHint')}
                  initialValue={dayjs()}
                  rules={[{ required: true }]}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    data-testid="complaint-on-spot-at"
                  />
                </Form.Item>
                <Form.Item name="onSpotResult" label={t('complaints.fields.onSpotResult')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} data-testid="complaint-on-spot-result" />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
        <Form.Item style={{ marginTop: 8, marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="submit-complaint">
            {t('complaints.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
