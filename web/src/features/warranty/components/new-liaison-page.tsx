import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { warrantyClassEnum } from '../../../../../src/contract/warranty';
import { useCommunity } from '../../../app/community-context';
import { formatShort } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useBuildings } from '../../directory/api/list-buildings';
import { type CreateLiaisonBody, useCandidates, useCreateLiaison, type WarrantyCandidate } from '../api/warranty';

const warrantyClasses = warrantyClassEnum.options;

interface InspectionValues {
  buildingId?: string;
  location?: string;
  defect?: string;
  warrantyClass?: (typeof warrantyClasses)[number];
}

/** The office compiles a liaison form from in-warranty repair orders and inspection findings, and sends it. */
export function NewLiaisonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { communityId } = useCommunity();
  const [form] = Form.useForm();
  const candidates = useCandidates(communityId);
  const buildings = useBuildings(communityId);
  const create = useCreateLiaison();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>(() => (search.get('orderId') ? [search.get('orderId')!] : []));
  const classOptions = warrantyClasses.map((c) => ({ value: c, label: t(`warranty.classes.${c}`) }));
  const submit = async () => {
    const v = (await form.validateFields()) as {
      works: CreateLiaisonBody['works'];
      toDepartment: string;
      subject: string;
      inspections?: InspectionValues[];
      classes?: Record<string, (typeof warrantyClasses)[number]>;
    };
    const items: CreateLiaisonBody['items'] = [
      ...selected.map((id) => ({ source: 'repair' as const, sourceTicketId: id, warrantyClass: v.classes?.[id] })),
      ...(v.inspections ?? []).map((i) => ({
        source: 'inspection' as const,
        buildingId: i.buildingId,
        location: i.location,
        defect: i.defect,
        warrantyClass: i.warrantyClass,
      })),
    ];
    if (items.length === 0) {
      void message.error(t('warranty.chooseItems'));
      return;
    }
    create.mutate(
      { communityId: communityId!, works: v.works, toDepartment: v.toDepartment, subject: v.subject, items },
      {
        onSuccess: (d) => {
          void message.success(`${t('warranty.created')} ${d.number}`);
          void navigate(`/warranty/${d.id}`);
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="liaison-new-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('warranty.new')}
      </Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ works: 'own_works' }}>
        <Card size="small">
          <Space wrap align="start">
            <Form.Item name="works" label={t('warranty.works')} rules={[{ required: true }]}>
              <Radio.Group
                options={(['own_works', 'contractor'] as const).map((w) => ({ value: w, label: t(`warranty.worksNames.${w}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="toDepartment"
              label={t('warranty.toDepartment')}
              rules={[{ required: true, whitespace: true }]}
              style={{ width: 240 }}
            >
              <Input placeholder={t('warranty.toDepartmentHint')} data-testid="liaison-department" />
            </Form.Item>
            <Form.Item name="subject" label={t('warranty.subject')} rules={[{ required: true, whitespace: true }]} style={{ width: 420 }}>
              <Input data-testid="liaison-subject" />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t('warranty.fromOrders')} style={{ marginTop: 12 }}>
          <Table<WarrantyCandidate>
            rowKey="id"
            size="small"
            loading={candidates.isLoading}
            dataSource={candidates.data ?? []}
            pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: t('warranty.number'), dataIndex: 'number', width: 170 },
              { title: t('warranty.createdAt'), dataIndex: 'createdAt', width: 96, render: (v: string) => formatShort(v) },
              { title: t('warranty.location'), dataIndex: 'location', width: 180 },
              { title: t('warranty.defect'), dataIndex: 'content', ellipsis: true },
              {
                title: t('warranty.warrantyClass'),
                width: 190,
                render: (_: unknown, r: WarrantyCandidate) => (
                  <Form.Item name={['classes', r.id]} initialValue={r.warrantyClass} noStyle>
                    <Select options={classOptions} style={{ width: 180 }} />
                  </Form.Item>
                ),
              },
              { title: t('warranty.lastDay'), dataIndex: 'lastDay', width: 100 },
            ]}
          />
        </Card>
        <Card size="small" title={t('warranty.fromInspection')} style={{ marginTop: 12 }}>
          <Form.List name="inspections">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'buildingId']} label={t('warranty.location')} style={{ width: 110 }}>
                      <Select allowClear options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'location']} label=" " style={{ width: 180 }} rules={[{ required: true, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'defect']}
                      label={t('warranty.defect')}
                      style={{ width: 320 }}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'warrantyClass']}
                      label={t('warranty.warrantyClass')}
                      style={{ width: 190 }}
                      rules={[{ required: true }]}
                    >
                      <Select options={classOptions} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="liaison-add-inspection">
                  {t('warranty.addInspection')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      <Space>
        <Button onClick={() => void navigate('/warranty')}>{t('warranty.back')}</Button>
        <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="liaison-submit">
          {t('warranty.submit')}
        </Button>
      </Space>
    </Space>
  );
}
