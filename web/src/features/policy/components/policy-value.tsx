import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from '../../../lib/i18n';
import { fieldTestKey, formName, type PolicyField, suggestedCategoryCodes, timeOfDayPattern, timeZoneChoices } from './policy-fields';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The translator for keys built at run time (a field's label: `policy.fields.complaint.contactMinutes.label`). */
export function useDynamicT(): Translate {
  const { t } = useTranslation();
  return t as unknown as Translate;
}

/** An escalation target: a role, a complaint rung (deputy GM, GM) or a matter's own supervisor. */
export const targetLabel = (v: string): string => {
  const own = label('policy.targets', v);
  return own !== v ? own : label('role', v);
};

/** A category code: the policy's own names, then the repair categories, else the code itself. */
export const codeLabel = (v: string): string => {
  const own = label('policy.codes', v);
  return own !== v ? own : label('category', v);
};

export const zoneLabel = (z: string): string => {
  const name = label('policy.zones', z);
  return name !== z ? `${z} · ${name}` : z;
};

/** The unit written after a number of this kind ('' for none). */
function useUnit(): (f: PolicyField) => string {
  const t = useDynamicT();
  return useCallback(
    (f: PolicyField) => {
      switch (f.kind) {
        case 'minutes':
          return t('common.minutes');
        case 'hours':
          return t('common.hours');
        case 'count':
          return t('common.times');
        case 'copies':
          return t('common.copies');
        case 'households':
          return t('policy.units.households');
        case 'percent':
          return t('policy.units.percent');
        case 'dayOfMonth':
          return t('policy.units.dayUnit');
        case 'days':
        case 'workingDays':
        case 'months':
        case 'years':
          return t(`policy.units.${f.kind}`);
        default:
          return '';
      }
    },
    [t],
  );
}

/** Formats a value of a field for the table and the history, in the current language. */
export function useShowValue(): (f: PolicyField | undefined, v: unknown) => React.ReactNode {
  const t = useDynamicT();
  const { i18n } = useTranslation();
  const unitOf = useUnit();
  return useCallback(
    (f: PolicyField | undefined, v: unknown) => {
      if (v === undefined || v === null) return <Typography.Text type="secondary">—</Typography.Text>;
      if (!f) return JSON.stringify(v);
      if (Array.isArray(v)) {
        if (f.kind === 'chain') return (v as string[]).map(targetLabel).join(' → ');
        return (v as string[]).map(codeLabel).join(i18n.language === 'en' ? ', ' : '、');
      }
      if (f.kind === 'timezone') return zoneLabel(String(v));
      if (f.kind === 'dayOfMonth') return t('policy.units.dayOfMonth', { day: v });
      if (typeof v !== 'number') return String(v);
      const unit = unitOf(f);
      const base = f.kind === 'percent' ? `${v}${unit}` : `${v}${unit ? ` ${unit}` : ''}`;
      // Long limits are easier to check in a larger unit: 1440 分钟（24 小时）, 168 小时（7 天）.
      if (f.kind === 'minutes' && v >= 60 && v % 60 === 0) return `${base}${t('policy.units.inHours', { n: v / 60 })}`;
      if (f.kind === 'hours' && v >= 48 && v % 24 === 0) return `${base}${t('policy.units.inDays', { n: v / 24 })}`;
      return base;
    },
    [t, i18n.language, unitOf],
  );
}

/** This scope's editor of one value; left empty, the scope inherits it. */
export function PolicyEditor({ f, current }: { f: PolicyField; current?: unknown }) {
  const t = useDynamicT();
  const unitOf = useUnit();
  const testId = `policy-${fieldTestKey(f)}`;
  const name = formName(f);
  const zones = useMemo(() => (f.kind === 'timezone' ? timeZoneChoices(current) : null), [f.kind, current]);

  if (f.kind === 'chain') {
    return (
      <Form.Item name={name} style={{ margin: 0 }}>
        <Select
          mode="multiple"
          allowClear
          maxCount={f.maxItems}
          placeholder={t('policy.inherit')}
          options={(f.options ?? []).map((r) => ({ value: r, label: targetLabel(r) }))}
          style={{ minWidth: 280 }}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  if (f.kind === 'codes') {
    return (
      <Form.Item name={name} style={{ margin: 0 }}>
        <Select
          mode="tags"
          allowClear
          maxCount={f.maxItems}
          tokenSeparators={[',', '，', ' ']}
          placeholder={t('policy.inherit')}
          options={suggestedCategoryCodes.map((c) => ({ value: c, label: `${codeLabel(c)}${codeLabel(c) !== c ? ` (${c})` : ''}` }))}
          style={{ minWidth: 280 }}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  if (f.kind === 'dates') {
    return (
      <Form.Item
        name={name}
        style={{ margin: 0 }}
        rules={[
          {
            validator: async (_, v: unknown) => {
              if (Array.isArray(v) && v.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(String(d)))) throw new Error(t('policy.dateFormat'));
            },
          },
        ]}
      >
        <Select
          mode="tags"
          allowClear
          maxCount={f.maxItems}
          tokenSeparators={[',', '，', ' ']}
          placeholder={t('policy.datesPlaceholder')}
          open={false}
          style={{ minWidth: 280 }}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  if (f.kind === 'time') {
    return (
      <Form.Item name={name} style={{ margin: 0 }} rules={[{ pattern: timeOfDayPattern, message: t('policy.timeFormat') }]}>
        <Input placeholder={t('policy.inherit')} style={{ width: 130 }} maxLength={5} allowClear data-testid={testId} />
      </Form.Item>
    );
  }
  if (f.kind === 'timezone' && zones) {
    return (
      <Form.Item name={name} style={{ margin: 0 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder={t('policy.inherit')}
          options={[
            { label: t('policy.commonZones'), title: 'common', options: zones.common.map((z) => ({ value: z, label: zoneLabel(z) })) },
            { label: t('policy.allZones'), title: 'others', options: zones.others.map((z) => ({ value: z, label: z })) },
          ]}
          style={{ width: 280 }}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  const unit = unitOf(f);
  const decimals = f.integer ? 0 : f.kind === 'ratio' ? 2 : 1;
  return (
    <Form.Item name={name} style={{ margin: 0 }}>
      <InputNumber
        min={f.min}
        max={f.max}
        precision={decimals}
        step={decimals === 0 ? 1 : decimals === 2 ? 0.01 : 0.1}
        placeholder={t('policy.inherit')}
        suffix={unit || undefined}
        style={{ width: 160 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
