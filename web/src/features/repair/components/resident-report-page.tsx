import { Button, DatePicker, Form, ImageUploader, type ImageUploadItem, Input, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SingleSelector } from '../../../components/single-selector';
import { useNavigate } from 'react-router';
import { MobileHeader } from '../../../components/mobile-header';
import { dayjs, toServerTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { residentPhone } from '../../auth/api/resident-login';
import { uploadOrderPhoto } from '../../../lib/api-client';
import { useCreateOrder } from '../api/create-order';
import { type CreateRepairInput, type RepairCategory, repairCategories } from '../api/types';
import { photoProblem, photoTypes } from '../api/upload-photo';

interface ReportValues {
  roomId: string[];
  area: ('in_home' | 'public')[];
  location?: string;
  category: RepairCategory[];
  content: string;
  timing: ('immediate' | 'appointment')[];
  appointmentAt?: Date;
  isUrgent: boolean;
  reporterName: string;
  reporterPhone: string;
}

/** The earliest sensible appointment: the next quarter hour at least 30 minutes from now. */
const earliestAppointment = (): Date => {
  const d = dayjs().add(30, 'minute');
  return d
    .minute(Math.ceil(d.minute() / 15) * 15)
    .second(0)
    .millisecond(0)
    .toDate();
};

const residentCategories = repairCategories.filter((c) => c !== 'public_area');

/** /m/report: a resident reports a repair for their own room. */
export function ResidentReportPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const create = useCreateOrder();
  const errorText = useMobileErrorText();
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [isUploading, setUploading] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const timing = Form.useWatch('timing', form);
  const area = Form.useWatch('area', form);

  const submit = (v: ReportValues) => {
    const room = me.rooms.find((r) => r.id === v.roomId[0]) ?? me.rooms[0];
    if (!room) {
      Toast.show({ icon: 'fail', content: t('resident.noRooms') });
      return;
    }
    const isAppointment = v.timing[0] === 'appointment';
    const body: CreateRepairInput = {
      communityId: room.communityId,
      roomId: room.id,
      location: v.area[0] === 'public' ? v.location?.trim() || undefined : undefined,
      reporterName: v.reporterName.trim(),
      reporterPhone: v.reporterPhone.trim(),
      channel: 'app',
      category: v.category[0] ?? 'other',
      area: v.area[0] ?? 'in_home',
      urgency: v.isUrgent ? 'urgent' : 'normal',
      timing: isAppointment ? 'appointment' : 'immediate',
      appointmentAt: isAppointment && v.appointmentAt ? toServerTime(v.appointmentAt) : undefined,
      content: v.content.trim(),
    };
    create.mutate(body, {
      onSuccess: async (order) => {
        const files = photos.map((p) => p.extra as File | undefined).filter((f): f is File => !!f);
        if (files.length) {
          setUploading(true);
          for (const f of files)
            await uploadOrderPhoto(order.id, f).catch(() => Toast.show({ icon: 'fail', content: t('order.photoFailed') }));
          setUploading(false);
        }
        Toast.show({ icon: 'success', content: t('order.created', { number: order.number }) });
        navigate(`/m/orders/${order.id}`, { replace: true });
      },
      onError: (e) => errorText(e, form),
    });
  };

  return (
    <div className="m-page" data-testid="resident-report-page">
      <MobileHeader title={t('resident.reportTitle')} backTo="/m/home" />
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        initialValues={{
          roomId: me.rooms[0] ? [me.rooms[0].id] : [],
          area: ['in_home'],
          category: ['plumbing'],
          timing: ['immediate'],
          isUrgent: false,
          reporterName: me.name,
          reporterPhone: residentPhone(),
        }}
        footer={
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={create.isPending || isUploading}
            data-testid="submit-create-order"
          >
            {t('resident.submit')}
          </Button>
        }
      >
        <Form.Item
          name="roomId"
          label={t('resident.room')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.choose', { field: t('resident.room') }) }]}
        >
          <SingleSelector columns={1} options={me.rooms.map((r) => ({ value: r.id, label: r.label }))} data-testid="field-room" />
        </Form.Item>
        <Form.Item name="area" label={t('order.area')}>
          <SingleSelector columns={2} options={(['in_home', 'public'] as const).map((a) => ({ value: a, label: t(`area.${a}`) }))} />
        </Form.Item>
        {area?.[0] === 'public' ? (
          <Form.Item
            name="location"
            label={t('order.location')}
            rules={[{ required: true, whitespace: true, message: t('newOrder.locationRequired') }]}
          >
            <Input placeholder={t('newOrder.locationPlaceholder')} clearable data-testid="field-location" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="category"
          label={t('order.category')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.choose', { field: t('order.category') }) }]}
        >
          <SingleSelector
            columns={3}
            options={residentCategories.map((c) => ({ value: c, label: label('category', c) }))}
            data-testid="field-category"
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('order.content')}
          rules={[{ required: true, whitespace: true, message: t('resident.contentPlaceholder') }]}
        >
          <TextArea rows={4} maxLength={2000} showCount placeholder={t('resident.contentPlaceholder')} data-testid="field-content" />
        </Form.Item>
        <Form.Item name="isUrgent" label={t('urgency.urgent')} valuePropName="checked" layout="horizontal">
          <Switch data-testid="field-urgent" />
        </Form.Item>
        <Form.Item name="timing" label={t('order.timing')}>
          <SingleSelector
            columns={2}
            options={(['immediate', 'appointment'] as const).map((x) => ({ value: x, label: t(`timing.${x}`) }))}
            data-testid="field-timing"
          />
        </Form.Item>
        {timing?.[0] === 'appointment' ? (
          <Form.Item
            name="appointmentAt"
            label={t('order.appointmentAt')}
            rules={[
              { required: true, message: t('form.choose', { field: t('order.appointmentAt') }) },
              {
                validator: (_: unknown, v?: Date) =>
                  !v || v.getTime() > Date.now() ? Promise.resolve() : Promise.reject(new Error(t('newOrder.appointmentFuture'))),
              },
            ]}
            trigger="onConfirm"
            onClick={() => setPickerOpen(true)}
          >
            <DatePicker
              precision="minute"
              min={earliestAppointment()}
              max={dayjs().add(30, 'day').toDate()}
              visible={pickerOpen}
              onClose={() => setPickerOpen(false)}
            >
              {(value) => (
                <span data-testid="field-appointment">{value ? dayjs(value).format('YYYY-MM-DD HH:mm') : t('common.select')}</span>
              )}
            </DatePicker>
          </Form.Item>
        ) : null}
        <Form.Item label={t('order.photos')} help={t('newOrder.photosHint')}>
          <ImageUploader
            value={photos}
            onChange={setPhotos}
            accept={photoTypes.join(',')}
            multiple
            maxCount={6}
            beforeUpload={(file) => {
              const problem = photoProblem(file);
              if (problem) {
                Toast.show({ icon: 'fail', content: t(problem) });
                return null;
              }
              return file;
            }}
            upload={async (file) => ({ url: URL.createObjectURL(file), extra: file })}
            data-testid="field-photos"
          />
        </Form.Item>
        <Form.Item
          name="reporterName"
          label={t('order.reporterName')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('order.reporterName') }) }]}
        >
          <Input maxLength={50} clearable data-testid="field-reporter-name" />
        </Form.Item>
        <Form.Item
          name="reporterPhone"
          label={t('order.reporterPhone')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { field: t('order.reporterPhone') }) },
            { pattern: /^[\d-]{5,20}$/, message: t('newOrder.invalidPhone') },
          ]}
        >
          <Input type="tel" maxLength={20} clearable data-testid="field-reporter-phone" />
        </Form.Item>
      </Form>
    </div>
  );
}
