import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../directory/api/list-buildings';
import { type Room, type RoomSearch, useRoomSearch } from '../../directory/api/search-rooms';

export interface PickedReporter {
  room: Room;
  resident: Room['residents'][number] | null;
}

const relationKey = (r: string) =>
  r === 'owner' ? 'newOrder.relationOwner' : r === 'tenant' ? 'newOrder.relationTenant' : r === 'family' ? 'newOrder.relationFamily' : null;

/** Finds a room by building / unit / number, or by a resident's name or phone; picking a resident fills the reporter. */
export function RoomFinder({
  communityId,
  onPick,
  pickLabel,
}: {
  communityId: string;
  onPick: (p: PickedReporter) => void;
  /** The pick button's words when the resident is picked for something else than a repair. */
  pickLabel?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Omit<RoomSearch, 'communityId'>>();
  const [params, setParams] = useState<RoomSearch | null>(null);
  const buildings = useBuildings(communityId);
  const rooms = useRoomSearch(params);
  // This form sits inside the order form: Enter searches rooms instead of submitting the order.
  const searchOnEnter = (e: React.KeyboardEvent) => {
    e.preventDefault();
    form.submit();
  };

  return (
    <div data-testid="room-finder">
      <Form
        form={form}
        layout="inline"
        component="div"
        onFinish={(v) => setParams({ communityId, ...v })}
        className="room-finder-form"
        onValuesChange={(changed) => {
          // Choosing a building searches at once; typed fields wait for Enter or the button.
          if ('buildingId' in changed) setParams({ communityId, ...form.getFieldsValue() });
        }}
      >
        <Form.Item name="q" style={{ flex: '1 1 220px' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('newOrder.roomSearch')}
            onPressEnter={searchOnEnter}
            data-testid="room-search"
          />
        </Form.Item>
        <Form.Item name="buildingId">
          <Select
            allowClear
            placeholder={t('newOrder.building')}
            style={{ width: 120 }}
            loading={buildings.isPending}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            data-testid="room-building"
          />
        </Form.Item>
        <Form.Item name="unit">
          <Input allowClear placeholder={t('newOrder.unit')} style={{ width: 80 }} onPressEnter={searchOnEnter} data-testid="room-unit" />
        </Form.Item>
        <Form.Item name="number">
          <Input
            allowClear
            placeholder={t('newOrder.roomNumber')}
            style={{ width: 90 }}
            onPressEnter={searchOnEnter}
            data-testid="room-number"
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => form.submit()} icon={<SearchOutlined />} loading={rooms.isFetching} data-testid="room-find">
            {t('newOrder.find')}
          </Button>
        </Form.Item>
      </Form>
      {params && rooms.data ? (
        rooms.data.length ? (
          <Table<Room>
            size="small"
            rowKey="id"
            dataSource={rooms.data}
            pagination={{ pageSize: 6, size: 'small', hideOnSinglePage: true }}
            style={{ marginTop: 8 }}
            data-testid="room-results"
            columns={[
              {
                title: t('order.room'),
                dataIndex: 'label',
                width: 150,
                render: (l: string) => <Typography.Text strong>{l}</Typography.Text>,
              },
              {
                title: t('newOrder.resident'),
                dataIndex: 'residents',
                render: (residents: Room['residents'], room) => (
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    {residents.map((r) => {
                      const rel = relationKey(r.relation);
                      return (
                        <Space key={r.id} size={6} wrap>
                          <span>{r.name}</span>
                          <Typography.Text type="secondary">{r.phone}</Typography.Text>
                          <Tag>{rel ? t(rel as 'newOrder.relationOwner') : r.relation}</Tag>
                          <Button size="small" type="link" onClick={() => onPick({ room, resident: r })} data-testid="pick-resident">
                            {pickLabel ?? t('newOrder.pickResident')}
                          </Button>
                        </Space>
                      );
                    })}
                    <Button
                      size="small"
                      type="link"
                      style={{ paddingInline: 0 }}
                      onClick={() => onPick({ room, resident: null })}
                      data-testid="pick-room"
                    >
                      {t('newOrder.pickRoom')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('newOrder.noRooms')} />
        )
      ) : null}
    </div>
  );
}
