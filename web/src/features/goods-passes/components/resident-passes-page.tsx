import { Button, DotLoading, ErrorBlock, Form, Input, List, Selector, Stepper, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { formatDateTime } from '../../../lib/datetime';
import { useErrorText } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useApplyGoodsPass, useGoodsPassAction, useGoodsPasses } from '../api/goods-passes';

/** /m/goods-passes: the resident's household passes, and an application ahead of the visit to the desk. */
export function ResidentPassesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const list = useGoodsPasses({ view: 'all' });
  const apply = useApplyGoodsPass();
  const act = useGoodsPassAction();
  const text = useErrorText();
  const [isApplying, setApplying] = useState(false);
  const rooms = me.rooms;
  return (
    <div className="m-page" data-testid="resident-goods-passes-page">
      <MobileHeader title={t('goodsPasses.mine.title')} backTo="/m/home" />
      {isApplying ? (
        <Form
          layout="vertical"
          initialValues={{ roomId: rooms[0] ? [rooms[0].id] : [], quantity: 1 }}
          onFinish={(v: {
            roomId: string[];
            name: string;
            quantity: number;
            note?: string;
            carrierName?: string;
            vehiclePlate?: string;
          }) => {
            const room = rooms.find((r) => r.id === v.roomId[0]) ?? rooms[0];
            if (!room) return;
            apply.mutate(
              {
                communityId: room.communityId,
                roomId: room.id,
                items: [{ name: v.name, quantity: v.quantity, ...(v.note ? { note: v.note } : {}) }],
                ...(v.carrierName ? { carrierName: v.carrierName } : {}),
                ...(v.vehiclePlate ? { vehiclePlate: v.vehiclePlate } : {}),
              },
              {
                onSuccess: (d) => {
                  Toast.show({ content: `${t('goodsPasses.created')} ${d.number}` });
                  setApplying(false);
                },
                onError: (e) => Toast.show({ content: text(e) }),
              },
            );
          }}
          footer={
            <Button block type="submit" color="primary" loading={apply.isPending} data-testid="resident-pass-submit">
              {t('goodsPasses.mine.submit')}
            </Button>
          }
        >
          <Form.Header>{t('goodsPasses.mine.hint')}</Form.Header>
          <Form.Item name="roomId" label={t('goodsPasses.room')}>
            <Selector options={rooms.map((r) => ({ value: r.id, label: r.label }))} />
          </Form.Item>
          <Form.Item name="name" label={t('goodsPasses.itemName')} rules={[{ required: true }]}>
            <Input data-testid="resident-pass-item" />
          </Form.Item>
          <Form.Item name="quantity" label={t('goodsPasses.quantity')}>
            <Stepper min={1} max={9999} digits={0} />
          </Form.Item>
          <Form.Item name="note" label={t('goodsPasses.itemNote')}>
            <Input />
          </Form.Item>
          <Form.Item name="carrierName" label={t('goodsPasses.carrier')}>
            <Input />
          </Form.Item>
          <Form.Item name="vehiclePlate" label={t('goodsPasses.plate')}>
            <Input />
          </Form.Item>
        </Form>
      ) : (
        <div style={{ padding: 12 }}>
          <Button block color="primary" onClick={() => setApplying(true)} data-testid="resident-pass-apply">
            {t('goodsPasses.mine.apply')}
          </Button>
        </div>
      )}
      {list.isPending ? (
        <DotLoading />
      ) : list.error ? (
        <ErrorBlock status="default" description={text(list.error)} />
      ) : !list.data?.items.length ? (
        <ErrorBlock status="empty" title={t('goodsPasses.mine.empty')} description="" />
      ) : (
        <List data-testid="resident-passes">
          {list.data.items.map((g) => (
            <List.Item
              key={g.id}
              data-testid="resident-pass"
              description={`${g.number} · ${g.location}${g.validUntil ? ` · ${t('goodsPasses.validUntil')} ${formatDateTime(g.validUntil)}` : ''}`}
              extra={
                <span>
                  <Tag color="primary">{t(`goodsPasses.statuses.${g.status}`)}</Tag>
                  {g.status === 'applied' ? (
                    <Button
                      size="mini"
                      style={{ marginLeft: 6 }}
                      onClick={() =>
                        act.mutate(
                          { id: g.id, action: 'cancel', body: { reason: t('goodsPasses.mine.withdraw') } },
                          { onError: (e) => Toast.show({ content: text(e) }) },
                        )
                      }
                    >
                      {t('goodsPasses.mine.withdraw')}
                    </Button>
                  ) : null}
                </span>
              }
            >
              {g.items.map((i) => `${i.name}×${i.quantity}`).join('、')}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
