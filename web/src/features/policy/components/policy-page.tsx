import { InfoCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunity } from '../../../app/community-context';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { usePolicy, useSavePolicy } from '../api/policy';
import { escalationRoles, type PolicyField, policyFields, timeOfDayPattern } from './policy-fields';

type RepairValues = Record<string, unknown>;
const repairOf = (layer: unknown): RepairValues => ((layer as { repair?: RepairValues } | null)?.repair ?? {}) as RepairValues;

function useShow() {
  const { t } = useTranslation();
  return (f: PolicyField, v: unknown) => {
    if (v === undefined || v === null) return <Typography.Text type="secondary">—</Typography.Text>;
    if (f.kind === 'roles' && Array.isArray(v)) return (v as string[]).map((r) => label('role', r)).join(' → ');
    const unit =
      f.kind === 'minutes'
        ? t('common.minutes')
        : f.kind === 'hours'
          ? t('common.hours')
          : f.kind === 'count'
            ? t('common.times')
            : f.kind === 'copies'
              ? t('common.copies')
              : '';
    return `${String(v)}${unit ? ` ${unit}` : ''}`;
  };
}

function Editor({ f }: { f: PolicyField }) {
  const { t } = useTranslation();
  const name = ['repair', f.key];
  if (f.kind === 'roles') {
    return (
      <Form.Item name={name} style={{ margin: 0 }}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('policy.inherit')}
          options={escalationRoles.map((r) => ({ value: r, label: label('role', r) }))}
          style={{ minWidth: 260 }}
          data-testid={`policy-${f.key}`}
        />
      </Form.Item>
    );
  }
  if (f.kind === 'time') {
    return (
      <Form.Item name={name} style={{ margin: 0 }} rules={[{ pattern: timeOfDayPattern, message: t('policy.timeFormat') }]}>
        <Input placeholder={t('policy.inherit')} style={{ width: 120 }} maxLength={5} allowClear data-testid={`policy-${f.key}`} />
      </Form.Item>
    );
  }
  const unit =
    f.kind === 'minutes'
      ? t('common.minutes')
      : f.kind === 'hours'
        ? t('common.hours')
        : f.kind === 'copies'
          ? t('common.copies')
          : t('common.times');
  return (
    <Form.Item name={name} style={{ margin: 0 }}>
      <InputNumber
        min={f.min}
        max={f.max}
        precision={0}
        placeholder={t('policy.inherit')}
        suffix={unit}
        style={{ width: 150 }}
        data-testid={`policy-${f.key}`}
      />
    </Form.Item>
  );
}

/** /admin/policy 策略设置: every repair time limit and count, per company and per community, versioned. */
export function PolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { communities, communityId: headerCommunity } = useCommunity();
  const [scope, setScope] = useState<string>(headerCommunity ?? 'company');
  const communityId = scope === 'company' ? null : scope;
  const { data, error, isPending, refetch } = usePolicy(communityId);
  const save = useSavePolicy();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ repair: RepairValues; note: string }>();
  const show = useShow();

  const defaults = repairOf(data?.defaults);
  const company = repairOf(data?.companyOverride);
  const community = repairOf(data?.communityOverride);
  const effective = repairOf(data?.effective);

  // Reset the form only when a new answer arrives (another scope, or after saving).
  useEffect(() => {
    if (!data) return;
    const layer = repairOf(communityId ? data.communityOverride : data.companyOverride);
    form.setFieldsValue({ repair: { ...Object.fromEntries(policyFields.map((f) => [f.key, undefined])), ...layer }, note: '' });
  }, [data, communityId, form]);

  const fieldMap = useMemo(() => Object.fromEntries(policyFields.map((f) => [`override.repair.${f.key}`, `repair.${f.key}`])), []);

  const submit = (v: { repair: RepairValues; note: string }) => {
    const repair = Object.fromEntries(
      Object.entries(v.repair ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)),
    );
    // A save replaces this scope's whole override: keep its other sections (timezone, complaint,
    // visit…) as they are, and put the repair section from the form in.
    const layer = ((communityId ? data?.communityOverride : data?.companyOverride) ?? {}) as Record<string, unknown>;
    save.mutate(
      { communityId, override: { ...layer, repair } as typeof layer, note: v.note.trim() },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => onError(e, form, fieldMap),
      },
    );
  };

  const scopeOptions = [
    { value: 'company', label: t('policy.companyScope') },
    ...communities.map((c) => ({ value: c.id, label: t('policy.communityScope', { name: c.name }) })),
  ];

  return (
    <div data-testid="policy-page">
      <div className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('policy.title')}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('policy.scope')}</Typography.Text>
          <Select value={scope} onChange={setScope} options={scopeOptions} style={{ minWidth: 260 }} data-testid="policy-scope" />
        </Space>
      </div>
      {isPending ? (
        <FullPageSpin />
      ) : error || !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              <InfoCircleOutlined /> {t('policy.hint')}
            </Typography.Paragraph>
            <Form form={form} onFinish={submit} layout="vertical">
              <Table<PolicyField>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={policyFields}
                data-testid="policy-table"
                onRow={(f) => ({ 'data-testid': `policy-row-${f.key}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  {
                    title: t('policy.field'),
                    key: 'label',
                    width: 230,
                    render: (_, f) => (
                      <Space size={4}>
                        <Typography.Text strong>{t(`policy.fields.${f.key}.label`)}</Typography.Text>
                        <Tooltip title={t(`policy.fields.${f.key}.help`)}>
                          <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
                        </Tooltip>
                      </Space>
                    ),
                  },
                  { title: t('policy.defaultValue'), key: 'default', render: (_, f) => show(f, defaults[f.key]) },
                  {
                    title: t('policy.companyValue'),
                    key: 'company',
                    render: (_, f) =>
                      company[f.key] !== undefined ? <Tag color="blue">{show(f, company[f.key])}</Tag> : show(f, undefined),
                  },
                  ...(communityId
                    ? [
                        {
                          title: t('policy.communityValue'),
                          key: 'community',
                          render: (_: unknown, f: PolicyField) =>
                            community[f.key] !== undefined ? <Tag color="purple">{show(f, community[f.key])}</Tag> : show(f, undefined),
                        },
                      ]
                    : []),
                  {
                    title: t('policy.effective'),
                    key: 'effective',
                    render: (_, f) => (
                      <Typography.Text strong data-testid={`policy-effective-${f.key}`}>
                        {show(f, effective[f.key])}
                      </Typography.Text>
                    ),
                  },
                  { title: t('policy.editValue'), key: 'edit', width: 290, render: (_, f) => <Editor f={f} /> },
                ]}
              />
              <div className="policy-save">
                <Form.Item
                  name="note"
                  label={t('policy.note')}
                  rules={[{ required: true, whitespace: true, message: t('policy.noteRequired') }]}
                  style={{ flex: 1, margin: 0 }}
                >
                  <Input maxLength={500} placeholder={t('policy.notePlaceholder')} data-testid="policy-note" />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="submit-policy">
                  {t('policy.save')}
                </Button>
              </div>
            </Form>
          </Card>
          <Card size="small" title={t('policy.history')}>
            <Table
              size="small"
              rowKey={(h) => `${h.communityId ?? 'company'}-${h.version}`}
              dataSource={data.history}
              pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
              data-testid="policy-history"
              columns={[
                { title: t('policy.changedAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
                {
                  title: t('policy.scope'),
                  dataIndex: 'communityId',
                  width: 180,
                  render: (c: string | null) => (c ? (communities.find((x) => x.id === c)?.name ?? c) : t('policy.companyScope')),
                },
                { title: t('policy.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
                { title: t('policy.changedBy'), dataIndex: 'changedBy', width: 100 },
                { title: t('policy.note'), dataIndex: 'note' },
                {
                  title: t('policy.overrideContent'),
                  dataIndex: 'override',
                  render: (o: unknown) => (
                    <Space size={[4, 4]} wrap>
                      {Object.entries(repairOf(o)).map(([k, v]) => {
                        const f = policyFields.find((x) => x.key === k);
                        return (
                          <Tag key={k}>
                            {f ? (
                              <>
                                {t(`policy.fields.${f.key}.label`)}: {show(f, v)}
                              </>
                            ) : (
                              `${k}: ${JSON.stringify(v)}`
                            )}
                          </Tag>
                        );
                      })}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
