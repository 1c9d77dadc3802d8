import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesWith } from '../../../../../src/contract/access';
import { useCommunity } from '../../../app/community-context';
import { formatDateTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useSignedInMe } from '../../auth/api/get-me';
import { useBuildings } from '../../directory/api/list-buildings';
import { type PatrolRoute, usePatrolRoutes, useSaveRoute } from '../api/patrol';

const editors = rolesWith('patrol.manage_routes');

interface CheckpointValues {
  id?: string;
  buildingId?: string | null;
  floorFrom?: number | null;
  floorTo?: number | null;
  facility?: string;
}

function RouteModal({ communityId, route, onClose }: { communityId: string; route: PatrolRoute | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useSaveRoute();
  const buildings = useBuildings(communityId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as { name: string; isActive: boolean; checkpoints: CheckpointValues[] };
    save.mutate(
      {
        id: route?.id ?? null,
        body: {
          communityId,
          name: v.name,
          isActive: v.isActive,
          checkpoints: (v.checkpoints ?? []).map((c) => ({
            ...(c.id ? { id: c.id } : {}),
            buildingId: c.buildingId ?? null,
            floorFrom: c.floorFrom ?? null,
            floorTo: c.floorTo ?? null,
            facility: c.facility ?? '',
          })),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('patrol.saved'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Modal
      open
      width={760}
      title={route ? t('patrol.editRoute') : t('patrol.newRoute')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('patrol.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'patrol-route-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          route
            ? { name: route.name, isActive: route.isActive, checkpoints: route.checkpoints }
            : { isActive: true, checkpoints: [{ buildingId: null, facility: '' }] }
        }
      >
        <Space align="start">
          <Form.Item name="name" label={t('patrol.name')} rules={[{ required: true, whitespace: true }]} style={{ width: 420 }}>
            <Input data-testid="patrol-route-name" />
          </Form.Item>
          <Form.Item name="isActive" label={t('patrol.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('patrol.checkpoints')}</Typography.Text>
        <Form.List name="checkpoints">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap data-testid="patrol-checkpoint-row">
                  <span style={{ display: 'inline-block', width: 20, paddingTop: 30 }}>{i + 1}.</span>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'buildingId']} label={t('patrol.building')} style={{ width: 130 }}>
                    <Select allowClear options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'floorFrom']} label={t('patrol.floorFrom')} style={{ width: 90 }}>
                    <InputNumber min={-10} max={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'floorTo']} label={t('patrol.floorTo')} style={{ width: 90 }}>
                    <InputNumber min={-10} max={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'facility']} label={t('patrol.facility')} style={{ width: 220 }}>
                    <Input placeholder={t('patrol.facilityHint')} data-testid="patrol-checkpoint-facility" />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    style={{ marginTop: 30 }}
                    onClick={() => remove(f.name)}
                    disabled={fields.length === 1}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ buildingId: null, facility: '' })} data-testid="patrol-checkpoint-add">
                {t('patrol.addCheckpoint')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 巡楼路线: the community's routes and their ordered checkpoints; the CS supervisor or director edits them. */
export function PatrolRoutesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { communityId } = useCommunity();
  const routes = usePatrolRoutes(communityId);
  const [editing, setEditing] = useState<PatrolRoute | 'new' | null>(null);
  const canEdit = editors.includes(me.role) && !!communityId;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="patrol-routes-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.routesTitle')}
        </Typography.Title>
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="patrol-route-new">
            {t('patrol.newRoute')}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Table
          rowKey="id"
          size="small"
          loading={routes.isLoading}
          dataSource={routes.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('patrol.name'),
              dataIndex: 'name',
              width: 200,
              render: (v: string, r: PatrolRoute) => (
                <Space>
                  {canEdit ? (
                    <Typography.Link onClick={() => setEditing(r)} data-testid="patrol-route-edit">
                      {v}
                    </Typography.Link>
                  ) : (
                    v
                  )}
                  {r.isActive ? null : <Tag>{t('patrol.inactive')}</Tag>}
                </Space>
              ),
            },
            { title: t('patrol.checkpoints'), render: (_: unknown, r: PatrolRoute) => r.checkpoints.map((c) => c.label).join(' → ') },
            { title: '', dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      {editing && communityId ? (
        <RouteModal communityId={communityId} route={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Space>
  );
}
