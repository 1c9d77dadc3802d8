import { CloseOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { dayjs, toServerTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { uploadOrderPhoto } from '../../../lib/api-client';
import { useBuildings } from '../../directory/api/list-buildings';
import { useTechnicians } from '../../directory/api/list-technicians';
import { useCreateOrder } from '../api/create-order';
import { type CreateRepairInput, repairCategories } from '../api/types';
import { photoProblem, photoTypes } from '../api/upload-photo';
import { type PickedReporter, RoomFinder } from './room-finder';

interface NewOrderValues {
  communityId?: string;
  roomId?: string;
  /** Public-area work without a room: the building it is in, if any. */
  buildingId?: string;
  reporterName: string;
  reporterPhone: string;
  channel: NonNullable<CreateRepairInput['channel']>;
  category: CreateRepairInput['category'];
  area: CreateRepairInput['area'];
  urgency: NonNullable<CreateRepairInput['urgency']>;
  timing: CreateRepairInput['timing'];
  appointmentAt?: Dayjs;
  location?: string;
  content: string;
  requestedTechnicianId?: string;
}

const channels = ['phone', 'walk_in', 'app', 'wechat', 'email', 'fax', 'mailbox', 'patrol'] as const;

function PickedRoom({ picked, onClear }: { picked: PickedReporter | null; onClear: () => void; value?: string }) {
  const { t } = useTranslation();
  return (
    <div className="picked-room" data-testid="picked-room">
      <HomeOutlined />
      {picked ? (
        <Space size={6} wrap>
          <Typography.Text strong>{picked.room.label}</Typography.Text>
          {picked.resident ? <Tag color="blue">{picked.resident.name}</Tag> : null}
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} aria-label={t('common.clear')} />
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('newOrder.noRoomSelected')}</Typography.Text>
      )}
    </div>
  );
}

/** /desk/new 新建报修: the clerk records a call or a walk-in as a repair order. */
export function NewOrderPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { communityId: headerCommunity, communities } = useCommunity();
  const [form] = Form.useForm<NewOrderValues>();
  const [picked, setPicked] = useState<PickedReporter | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  const create = useCreateOrder();
  const onError = useApiErrorHandler();

  const chosenCommunity = Form.useWatch('communityId', form);
  const communityId = headerCommunity ?? chosenCommunity ?? null;
  const area = Form.useWatch('area', form);
  const timing = Form.useWatch('timing', form);
  const technicians = useTechnicians(communityId);
  const buildings = useBuildings(area === 'public' && !picked ? communityId : null);

  const pick = (p: PickedReporter) => {
    setPicked(p);
    form.setFields([
      { name: 'roomId', value: p.room.id, errors: [] },
      { name: 'location', errors: [] },
    ]);
    if (p.resident) form.setFieldsValue({ reporterName: p.resident.name, reporterPhone: p.resident.phone });
  };

  const submit = async (v: NewOrderValues) => {
    if (!communityId) {
      void message.warning(t('newOrder.chooseCommunity'));
      return;
    }
    const body: CreateRepairInput = {
      communityId,
      roomId: picked?.room.id,
      residentId: picked?.resident?.id,
      buildingId: picked ? picked.room.buildingId : v.area === 'public' ? v.buildingId || undefined : undefined,
      location: v.location?.trim() || undefined,
      reporterName: v.reporterName.trim(),
      reporterPhone: v.reporterPhone.trim(),
      channel: v.channel,
      category: v.category,
      area: v.area,
      urgency: v.urgency,
      timing: v.timing,
      appointmentAt: v.timing === 'appointment' && v.appointmentAt ? toServerTime(v.appointmentAt) : undefined,
      content: v.content.trim(),
      requestedTechnicianId: v.requestedTechnicianId || undefined,
    };
    create.mutate(body, {
      onSuccess: async (order) => {
        // Photos go up once the order exists; a failed photo does not undo the order.
        const files = photos.map((p) => p.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
        if (files.length) {
          setUploading(true);
          let uploaded = 0;
          for (const f of files) {
            try {
              await uploadOrderPhoto(order.id, f);
              uploaded++;
            } catch {
              void message.error(t('order.photoFailed'));
            }
          }
          setUploading(false);
          if (uploaded) void message.success(t('order.photosUploaded', { count: uploaded }));
        }
        void message.success({
          content: <span data-testid="created-order-number">{t('order.created', { number: order.number })}</span>,
          duration: 6,
        });
        navigate(`/orders/${order.id}`);
      },
      onError: (e) => onError(e, form),
    });
  };

  return (
    <div data-testid="new-order-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('newOrder.title')}
        </Typography.Title>
      </div>
      <Form<NewOrderValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'phone', category: 'plumbing', area: 'in_home', urgency: 'normal', timing: 'immediate' }}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('newOrder.roomFinder')} style={{ marginBottom: 12 }}>
              {!headerCommunity ? (
                <Form.Item
                  name="communityId"
                  label={t('order.community')}
                  rules={[{ required: true, message: t('newOrder.chooseCommunity') }]}
                >
                  <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} data-testid="field-community" />
                </Form.Item>
              ) : null}
              {communityId ? (
                <RoomFinder communityId={communityId} onPick={pick} />
              ) : (
                <Alert type="info" showIcon title={t('newOrder.chooseCommunity')} />
              )}
              <Form.Item
                name="roomId"
                label={t('newOrder.selectedRoom')}
                rules={[{ required: area !== 'public', message: t('newOrder.noRoomSelected') }]}
                style={{ marginTop: 12, marginBottom: 0 }}
              >
                <PickedRoom
                  picked={picked}
                  onClear={() => {
                    setPicked(null);
                    form.setFieldValue('roomId', undefined);
                  }}
                />
              </Form.Item>
            </Card>
            <Card size="small" title={t('order.reporter')} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    name="reporterName"
                    label={t('order.reporterName')}
                    rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('order.reporterName') }) }]}
                  >
                    <Input maxLength={50} data-testid="field-reporter-name" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="reporterPhone"
                    label={t('order.reporterPhone')}
                    rules={[
                      { required: true, whitespace: true, message: t('form.required', { field: t('order.reporterPhone') }) },
                      { pattern: /^[\d-]{5,20}$/, message: t('newOrder.invalidPhone') },
                    ]}
                  >
                    <Input maxLength={20} data-testid="field-reporter-phone" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="channel" label={t('order.channel')}>
                <Radio.Group optionType="button" size="small" options={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('order.basics')} style={{ marginBottom: 12 }}>
              <Form.Item name="category" label={t('order.category')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={repairCategories.map((c) => ({ value: c, label: label('category', c) }))}
                  data-testid="field-category"
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="area" label={t('order.area')}>
                    <Radio.Group
                      optionType="button"
                      options={(['in_home', 'public'] as const).map((a) => ({ value: a, label: t(`area.${a}`) }))}
                      data-testid="field-area"
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="urgency" label={t('order.urgency')}>
                    <Radio.Group data-testid="field-urgency">
                      <Radio.Button value="normal">{t('urgency.normal')}</Radio.Button>
                      <Radio.Button value="urgent" className="urgent-radio">
                        {t('urgency.urgent')}
                      </Radio.Button>
                    </Radio.Group>
                  </Form.Item>
                </Col>
              </Row>
              {area === 'public' ? (
                <Row gutter={12}>
                  {picked ? null : (
                    <Col span={8}>
                      <Form.Item name="buildingId" label={t('newOrder.publicBuilding')}>
                        <Select
                          allowClear
                          placeholder={t('newOrder.building')}
                          loading={buildings.isPending && !!communityId}
                          options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                          data-testid="field-building"
                        />
                      </Form.Item>
                    </Col>
                  )}
                  <Col span={picked ? 24 : 16}>
                    <Form.Item
                      name="location"
                      label={t('order.location')}
                      rules={[{ required: !picked, whitespace: true, message: t('newOrder.locationRequired') }]}
                    >
                      <Input maxLength={200} placeholder={t('newOrder.locationPlaceholder')} data-testid="field-location" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="timing" label={t('order.timing')}>
                    <Radio.Group
                      optionType="button"
                      options={(['immediate', 'appointment'] as const).map((x) => ({ value: x, label: t(`timing.${x}`) }))}
                      data-testid="field-timing"
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  {timing === 'appointment' ? (
                    <Form.Item
                      name="appointmentAt"
                      label={t('order.appointmentAt')}
                      rules={[
                        { required: true, message: t('form.choose', { field: t('order.appointmentAt') }) },
                        {
                          validator: (_: unknown, v?: Dayjs) =>
                            !v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('newOrder.appointmentFuture'))),
                        },
                      ]}
                    >
                      <DatePicker
                        showTime={{ format: 'HH:mm', minuteStep: 5 }}
                        format="YYYY-MM-DD HH:mm"
                        style={{ width: '100%' }}
                        disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                        data-testid="field-appointment"
                      />
                    </Form.Item>
                  ) : null}
                </Col>
              </Row>
              <Form.Item
                name="content"
                label={t('order.content')}
                rules={[{ required: true, whitespace: true, message: t('newOrder.contentPlaceholder') }]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder={t('newOrder.contentPlaceholder')}
                  data-testid="field-content"
                />
              </Form.Item>
              <Form.Item name="requestedTechnicianId" label={t('order.requestedTechnician')}>
                <Select
                  allowClear
                  placeholder={t('newOrder.requestedTechnicianPlaceholder')}
                  loading={technicians.isFetching}
                  data-testid="field-requested-technician"
                  options={(technicians.data ?? []).map((tech) => ({
                    value: tech.id,
                    label: `${tech.name} · ${t('newOrder.openLoad', { count: tech.openLoad })}`,
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('order.photos')} extra={t('newOrder.photosHint')}>
                <Upload
                  listType="picture-card"
                  accept={photoTypes.join(',')}
                  fileList={photos}
                  maxCount={6}
                  multiple
                  beforeUpload={(file) => {
                    const problem = photoProblem(file);
                    if (problem) {
                      void message.error(t(problem));
                      return Upload.LIST_IGNORE;
                    }
                    return false;
                  }}
                  onChange={({ fileList }) => setPhotos(fileList)}
                  data-testid="field-photos"
                >
                  {photos.length < 6 ? (
                    <div>
                      <PlusOutlined />
                      <div style={{ marginTop: 4 }}>{t('order.uploadPhoto')}</div>
                    </div>
                  ) : null}
                </Upload>
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <div className="form-footer">
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending || isUploading} data-testid="submit-create-order" size="large">
            {t('newOrder.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
