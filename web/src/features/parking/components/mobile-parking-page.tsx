import { Button, Card, Dialog, DotLoading, ErrorBlock, Form, Input, Popup, PullToRefresh, Selector, Tag, Toast } from 'antd-mobile';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { type ParkingSummary, printUrl, uploadParkingDocument, useApplyParking, useParkingAction, useParkingList } from '../api/parking';

interface ApplyValues {
  roomId: string[];
  plateNumber: string;
  vehicleModel: string;
  driverName: string;
}

/** The resident's application for their household: vehicle, driver and a document photo. */
function ApplySheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<ApplyValues>();
  const apply = useApplyParking();
  const onError = useMobileErrorText();
  const [licence, setLicence] = useState<File | null>(null);
  const submit = (v: ApplyValues) => {
    const room = me.rooms.find((r) => r.id === v.roomId[0]);
    if (!room) return;
    apply.mutate(
      {
        communityId: room.communityId,
        roomId: room.id,
        plateNumber: v.plateNumber,
        vehicleModel: v.vehicleModel,
        driverName: v.driverName,
      },
      {
        onSuccess: async (d) => {
          if (licence) {
            try {
              await uploadParkingDocument(d.id, 'driving_licence', licence);
            } catch (e) {
              onError(e);
            }
          }
          Toast.show({ icon: 'success', content: `${t('parking.created')} ${d.number}` });
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ roomId: me.rooms[0] ? [me.rooms[0].id] : [], driverName: me.name }}
      onFinish={submit}
      footer={
        <Button block color="primary" type="submit" loading={apply.isPending} data-testid="m-parking-submit">
          {t('parking.submit')}
        </Button>
      }
    >
      <Form.Header>{t('parking.mobileApply')}</Form.Header>
      <Form.Item name="roomId" label={t('parking.room')} rules={[{ required: true }]}>
        <Selector data-testid="m-parking-room" options={me.rooms.map((r) => ({ value: r.id, label: r.label }))} />
      </Form.Item>
      <Form.Item name="plateNumber" label={t('parking.plateNumber')} rules={[{ required: true }]}>
        <Input placeholder="沪A12345" data-testid="m-parking-plate" />
      </Form.Item>
      <Form.Item name="vehicleModel" label={t('parking.vehicleModel')} rules={[{ required: true }]}>
        <Input data-testid="m-parking-model" />
      </Form.Item>
      <Form.Item name="driverName" label={t('parking.driverName')} rules={[{ required: true }]}>
        <Input data-testid="m-parking-driver" />
      </Form.Item>
      <Form.Item label={t('parking.documentPurposes.driving_licence')}>
        <input
          type="file"
          accept="image/*"
          data-testid="m-parking-licence"
          onChange={(e: ChangeEvent<HTMLInputElement>) => setLicence(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
    </Form>
  );
}

/** One application or card of the household. */
function ApplicationCard({ a }: { a: ParkingSummary }) {
  const { t } = useTranslation();
  const act = useParkingAction();
  const onError = useMobileErrorText();
  const withdraw = async () => {
    const ok = await Dialog.confirm({ content: t('parking.withdraw') });
    if (!ok) return;
    act.mutate({ id: a.id, action: 'cancel', body: { reason: t('parking.withdraw') } }, { onError: (e) => onError(e) });
  };
  return (
    <Card
      title={`${a.plateNumber} · ${a.roomLabel}`}
      extra={
        <Tag color={a.status === 'active' ? 'success' : a.status === 'expired' ? 'danger' : 'default'}>
          {t(`parking.statuses.${a.status}` as never)}
        </Tag>
      }
      data-testid="m-parking-card"
      data-status={a.status}
      style={{ margin: 12 }}
    >
      <div>{`${t('parking.number')} ${a.number}`}</div>
      <div>{`${t('parking.space')} ${a.spaceNumber ?? a.wantedSpaceNumber ?? t('parking.anySpace')}`}</div>
      {a.cardNumber ? <div data-testid="m-parking-card-number">{`${t('parking.cardNumber')} ${a.cardNumber}`}</div> : null}
      {a.validTo ? <div data-testid="m-parking-validity">{`${t('parking.validity')} ${a.validFrom} – ${a.validTo}`}</div> : null}
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        {a.status === 'submitted' ? (
          <Button size="small" onClick={() => void withdraw()} loading={act.isPending} data-testid="m-parking-withdraw">
            {t('parking.withdraw')}
          </Button>
        ) : null}
        {a.cardNumber ? (
          <Button
            size="small"
            onClick={() => {
              window.open(printUrl(a.id, 'card'), '_blank');
            }}
            data-testid="m-parking-show-card"
          >
            {t('parking.printCard')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

/** /m/parking: the resident's parking — apply, follow the application, see the card. */
export function MobileParkingPage() {
  const { t } = useTranslation();
  const list = useParkingList({ view: 'all' });
  const [isApplying, setApplying] = useState(false);
  return (
    <div data-testid="m-parking-page">
      <MobileHeader title={t('parking.mobileTitle')} backTo="/m/home" />
      <div style={{ padding: 12 }}>
        <Button block color="primary" onClick={() => setApplying(true)} data-testid="m-parking-apply">
          {t('parking.mobileApply')}
        </Button>
      </div>
      <PullToRefresh onRefresh={async () => void (await list.refetch())}>
        {list.isLoading ? <DotLoading /> : null}
        {list.error ? <ErrorBlock status="default" /> : null}
        {list.data && list.data.items.length === 0 ? <ErrorBlock status="empty" title={t('parking.mobileEmpty')} description="" /> : null}
        {(list.data?.items ?? []).map((a) => (
          <ApplicationCard key={a.id} a={a} />
        ))}
      </PullToRefresh>
      <Popup visible={isApplying} onMaskClick={() => setApplying(false)} bodyStyle={{ maxHeight: '85vh', overflowY: 'auto' }}>
        {isApplying ? <ApplySheet onClose={() => setApplying(false)} /> : null}
      </Popup>
    </div>
  );
}
