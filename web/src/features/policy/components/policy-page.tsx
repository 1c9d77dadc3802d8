import { InfoCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Form, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCommunity } from '../../../app/community-context';
import { FullPageSpin, LoadError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/datetime';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type PolicyView, usePolicy, useSavePolicy } from '../api/policy';
import {
  editorValues,
  fieldTestKey,
  formName,
  type PolicyField,
  type PolicySection,
  policyChanges,
  policyErrorFieldMap,
  policySections,
  sectionChanged,
  sectionFields,
  valueAt,
  withSection,
} from './policy-fields';
import { PolicyEditor, useDynamicT, useShowValue } from './policy-value';

type Values = Record<string, unknown> & { note?: string };
type History = PolicyView['history'];

const isSection = (s: string | null): s is PolicySection => policySections.includes(s as PolicySection);

/** What changed in each saved version, against the scope's version before it. */
function HistoryChanges({ entry, history }: { entry: History[number]; history: History }) {
  const t = useDynamicT();
  const show = useShowValue();
  const previous = history
    .filter((h) => h.communityId === entry.communityId && h.version < entry.version)
    .reduce<History[number] | undefined>((best, h) => (!best || h.version > best.version ? h : best), undefined);
  const changes = policyChanges(previous?.override ?? {}, entry.override);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('policy.noChange')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {changes.map((c) => (
        <Tag key={c.id} data-testid="policy-change" data-field={c.id}>
          {c.field ? (
            <>
              <Typography.Text type="secondary">{t(`policy.sections.${c.field.section}`)} · </Typography.Text>
              {t(`policy.fields.${c.id}.label`)}
            </>
          ) : (
            c.id
          )}
          {t('common.colon')}
          {c.before !== undefined && c.after !== undefined ? (
            <>
              {show(c.field, c.before)} → {show(c.field, c.after)}
            </>
          ) : c.after !== undefined ? (
            show(c.field, c.after)
          ) : (
            <>
              <Typography.Text delete type="secondary">
                {show(c.field, c.before)}
              </Typography.Text>{' '}
              {t('policy.cleared')}
            </>
          )}
        </Tag>
      ))}
    </Space>
  );
}

/** One section's values: default, company, community, in force, and this scope's editor. */
function SectionTable({ section, data, communityId }: { section: PolicySection; data: PolicyView; communityId: string | null }) {
  const t = useDynamicT();
  const show = useShowValue();
  const fields = sectionFields(section);
  const own = communityId ? data.communityOverride : data.companyOverride;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`policy.sectionHints.${section}`)}
      </Typography.Paragraph>
      <Table<PolicyField>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={fields}
        scroll={{ x: 'max-content' }}
        data-testid={`policy-table-${section}`}
        onRow={(f) => ({ 'data-testid': `policy-row-${fieldTestKey(f)}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('policy.field'),
            key: 'label',
            width: 220,
            render: (_, f) => (
              <Space size={4} align="start">
                <Typography.Text strong>{t(`policy.fields.${f.id}.label`)}</Typography.Text>
                <Tooltip title={t(`policy.fields.${f.id}.help`)}>
                  <InfoCircleOutlined style={{ color: '#8c8c8c' }} data-testid={`policy-help-${fieldTestKey(f)}`} />
                </Tooltip>
              </Space>
            ),
          },
          { title: t('policy.defaultValue'), key: 'default', width: 170, render: (_, f) => show(f, valueAt(data.defaults, f.path)) },
          {
            title: t('policy.companyValue'),
            key: 'company',
            width: 130,
            render: (_, f) => {
              const v = valueAt(data.companyOverride, f.path);
              return v !== undefined ? <Tag color="blue">{show(f, v)}</Tag> : show(f, undefined);
            },
          },
          ...(communityId
            ? [
                {
                  title: t('policy.communityValue'),
                  key: 'community',
                  width: 130,
                  render: (_: unknown, f: PolicyField) => {
                    const v = valueAt(data.communityOverride, f.path);
                    return v !== undefined ? <Tag color="purple">{show(f, v)}</Tag> : show(f, undefined);
                  },
                },
              ]
            : []),
          {
            title: t('policy.effective'),
            key: 'effective',
            width: 170,
            render: (_, f) => (
              <Typography.Text strong data-testid={`policy-effective-${fieldTestKey(f)}`}>
                {show(f, valueAt(data.effective, f.path))}
              </Typography.Text>
            ),
          },
          {
            title: t('policy.editValue'),
            key: 'edit',
            width: 290,
            render: (_, f) => <PolicyEditor f={f} current={valueAt(own, f.path)} />,
          },
        ]}
      />
    </>
  );
}

/**
 * /admin/policy 策略设置: every number of every section (repairs, complaints, the duty desk,
 * matters, visits, the time zone), per company and per community, versioned. A save writes the
 * open tab's section; the scope's other sections stay as they are.
 */
export function PolicyPage() {
  const t = useDynamicT();
  const { message } = App.useApp();
  const { communities, communityId: headerCommunity } = useCommunity();
  const [params, setParams] = useSearchParams();
  // Local state answers at once (a navigation is a deferred transition); the URL only mirrors it.
  const [scope, setScope] = useState<string>(() => params.get('scope') ?? headerCommunity ?? 'company');
  const [section, setSection] = useState<PolicySection>(() => {
    const requested = params.get('section');
    return isSection(requested) ? requested : 'repair';
  });
  const communityId = scope === 'company' ? null : scope;
  const { data, error, isPending, refetch } = usePolicy(communityId);
  const save = useSavePolicy();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch((v: Values) => v, { form, preserve: true });
  const fieldMap = useMemo(policyErrorFieldMap, []);

  const layerOf = (view: PolicyView | undefined) => (communityId ? view?.communityOverride : view?.companyOverride) ?? {};
  const layer = layerOf(data);

  // Fill the editors from this scope's saved override: all of them when the scope changes; when
  // a new answer comes for the same scope (a save, a refetch), only the sections not being edited.
  // Before paint, so an editor never shows (or takes input into) another scope's values.
  const loaded = useRef<{ scope: string; layer: unknown } | null>(null);
  useLayoutEffect(() => {
    if (!data) return;
    const next = (communityId ? data.communityOverride : data.companyOverride) ?? {};
    const before = loaded.current;
    if (!before || before.scope !== scope) {
      form.resetFields();
      form.setFieldsValue({ ...editorValues(next), note: '' });
    } else if (before.layer !== next) {
      const current = form.getFieldsValue(true) as Values;
      for (const s of policySections) if (!sectionChanged(before.layer, s, current)) form.setFieldsValue(editorValues(next, s));
    }
    loaded.current = { scope, layer: next };
  }, [data, communityId, scope, form]);

  const ready = loaded.current?.scope === scope && watched !== undefined;
  const dirty = (s: PolicySection) => ready && sectionChanged(layer, s, watched);

  const setParam = (key: string, value: string) => {
    if (key === 'scope') setScope(value);
    else if (isSection(value)) setSection(value);
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.set(key, value);
        return n;
      },
      { replace: true },
    );
  };

  const submit = async () => {
    try {
      await form.validateFields([...sectionFields(section).map(formName), ['note']]);
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as Values;
    const override = withSection(layer, section, values);
    save.mutate(
      { communityId, override, note: String(values.note ?? '').trim() },
      {
        onSuccess: (view) => {
          form.setFieldsValue({ ...editorValues(layerOf(view), section), note: '' });
          void message.success(t('common.saved'));
        },
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
          <Select
            value={scope}
            onChange={(v) => setParam('scope', v)}
            options={scopeOptions}
            style={{ minWidth: 260 }}
            data-testid="policy-scope"
          />
        </Space>
      </div>
      {isPending ? (
        <FullPageSpin />
      ) : error || !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              <InfoCircleOutlined /> {t('policy.hint')}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={() => void submit()}>
              {/* Fourteen sections: a column of tabs keeps every one in sight, in both languages. */}
              <Tabs
                tabPosition="left"
                activeKey={section}
                onChange={(k) => setParam('section', k)}
                data-testid="policy-tabs"
                items={policySections.map((s) => ({
                  key: s,
                  label: (
                    <span data-testid={`policy-tab-${s}`} data-dirty={dirty(s) ? 'true' : undefined}>
                      <Badge dot={dirty(s)} title={t('policy.unsaved')} offset={[6, 0]}>
                        {t(`policy.sections.${s}`)}
                      </Badge>
                    </span>
                  ),
                  children: <SectionTable section={s} data={data} communityId={communityId} />,
                }))}
              />
              <div className="policy-save">
                <Form.Item
                  name="note"
                  label={t('policy.note')}
                  extra={t('policy.saveHint')}
                  rules={[{ required: true, whitespace: true, message: t('policy.noteRequired') }]}
                  style={{ flex: 1, margin: 0 }}
                >
                  <Input maxLength={500} placeholder={t('policy.notePlaceholder')} data-testid="policy-note" />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="submit-policy">
                  {t('policy.save', { section: t(`policy.sections.${section}`) })}
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
              onRow={(h) => ({ 'data-testid': 'policy-history-row', 'data-version': h.version }) as React.HTMLAttributes<HTMLElement>}
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
                { title: t('policy.note'), dataIndex: 'note', width: 220 },
                {
                  title: t('policy.overrideContent'),
                  key: 'changes',
                  render: (_, h) => <HistoryChanges entry={h} history={data.history} />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
