import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '../../web/src/lib/i18n/en';
import { zhCN } from '../../web/src/lib/i18n/zh-CN';
import { defaultPolicy, effectivePolicy, policyOverrideSchema, policySchema } from '../domain/policy/policy.js';
import { isKnownTimeZone } from '../domain/shared/time-of-day.js';
import {
  commonTimeZones,
  editorValues,
  isUnset,
  policyChanges,
  policyErrorFieldMap,
  policyFieldById,
  policyFields,
  policySchemaAt,
  policySections,
  sectionChanged,
  sectionFields,
  valueAt,
  withSection,
} from './policy.js';

/** Every leaf of the policy schema (a list is one leaf), as dotted paths. */
function schemaLeaves(schema: z.ZodType, prefix: string[] = []): string[] {
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, s]) => schemaLeaves(s, [...prefix, k]));
  }
  return [prefix.join('.')];
}

describe('the policy editor catalogue', () => {
  it('lists every value of every section of the policy, once, and nothing else', () => {
    const ids = policyFields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(schemaLeaves(policySchema).sort());
    expect(new Set(policyFields.map((f) => f.section))).toEqual(new Set(policySections));
    for (const f of policyFields) expect(policySchemaAt(f.path), f.id).toBeDefined();
    expect(sectionFields('visit')).toHaveLength(14);
    expect(sectionFields('timezone').map((f) => f.id)).toEqual(['timezone']);
  });

  it('takes bounds and choices from the schema', () => {
    expect(policyFieldById('repair.grabMinutes')).toMatchObject({ min: 1, max: 60 * 24 * 30, integer: true, kind: 'minutes' });
    expect(policyFieldById('repair.maxPromiseChanges')).toMatchObject({ min: 0, max: 10 });
    expect(policyFieldById('complaint.collectiveSimilarity')).toMatchObject({ min: 0.05, max: 1, integer: false, kind: 'ratio' });
    expect(policyFieldById('complaint.targetComplaintRatePercent')).toMatchObject({ min: 0, max: 100, integer: false });
    expect(policyFieldById('complaint.monthlyReportDay')).toMatchObject({ min: 1, max: 28, kind: 'dayOfMonth' });
    expect(policyFieldById('visit.withinHoursByKind.repair')).toMatchObject({ min: 1, max: 24 * 60, section: 'visit' });
    expect(policyFieldById('visit.samplingPercent.office')).toMatchObject({ min: 0, max: 100, integer: true, kind: 'percent' });
    expect(policyFieldById('complaint.escalationChain')).toMatchObject({ kind: 'chain', minItems: 1, maxItems: 6 });
    expect(policyFieldById('complaint.escalationChain')?.options).toContain('deputy_gm');
    expect(policyFieldById('matter.completionEscalationChain')?.options).toContain('department_head');
    expect(policyFieldById('repair.escalationChain')?.options).toContain('eng_supervisor');
    const codes = policyFieldById('visit.safetyCategories');
    expect(codes).toMatchObject({ kind: 'codes', maxItems: 50 });
    expect(codes?.options).toBeUndefined();
    expect(policyFieldById('timezone')).toMatchObject({ section: 'timezone', path: ['timezone'], kind: 'timezone' });
    // A number the editor allows is one the server takes.
    for (const f of policyFields.filter((x) => x.max !== undefined)) {
      expect(policyOverrideSchema.safeParse(withSection({}, f.section, editorValuesWith(f.path, f.max))).success, f.id).toBe(true);
      expect(policyOverrideSchema.safeParse(withSection({}, f.section, editorValuesWith(f.path, (f.max ?? 0) + 1))).success, f.id).toBe(
        false,
      );
    }
  });

  it('has a label and a help text for every field and section, in Chinese and English', () => {
    for (const [lang, messages] of [
      ['zh-CN', zhCN.policy],
      ['en', en.policy],
    ] as const) {
      for (const f of policyFields) {
        const entry = valueAt(messages.fields, f.path) as { label?: string; help?: string } | undefined;
        expect(entry?.label, `${lang} ${f.id}`).toBeTruthy();
        expect(entry?.help, `${lang} ${f.id}`).toBeTruthy();
      }
      for (const s of policySections) {
        expect(messages.sections[s], `${lang} ${s}`).toBeTruthy();
        expect(messages.sectionHints[s], `${lang} ${s}`).toBeTruthy();
      }
      for (const f of policyFields) for (const o of f.options ?? []) expect(messages.targets, `${lang} ${o}`).toHaveProperty(o);
      for (const zone of commonTimeZones) expect(messages.zones, `${lang} ${zone}`).toHaveProperty([zone]);
    }
    // The Chinese help quotes the procedure's number.
    expect(zhCN.policy.fields.complaint.contactMinutes.help).toContain('2 小时内联系投诉人');
  });

  it('offers known time zones, the service centre’s first', () => {
    expect(commonTimeZones[0]).toBe('Asia/Shanghai');
    for (const zone of commonTimeZones) expect(isKnownTimeZone(zone), zone).toBe(true);
  });
});

/** Editor values that set one path. */
function editorValuesWith(path: readonly string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

describe('saving one section of a scope', () => {
  const saved = {
    repair: { grabMinutes: 8, escalationChain: ['director'] },
    complaint: { contactMinutes: 90, escalationChain: ['cs_supervisor', 'gm'] },
    visit: { withinHoursByKind: { repair: 12, matter: 72 }, samplingPercent: { office: 8 }, leakCategories: ['leak'] },
    timezone: 'Asia/Hong_Kong',
  };

  it('keeps the other sections exactly as they are', () => {
    const values = editorValues(saved);
    (values.complaint as Record<string, unknown>).contactMinutes = 60;
    (values.repair as Record<string, unknown>).grabMinutes = 99; // edited but not saved: another tab
    const out = withSection(saved, 'complaint', values);
    expect(out).toEqual({ ...saved, complaint: { contactMinutes: 60, escalationChain: ['cs_supervisor', 'gm'] } });
    expect(saved.complaint.contactMinutes).toBe(90); // the input is not changed
    expect(policyOverrideSchema.safeParse(out).success).toBe(true);
  });

  it('removes a cleared value, and the objects it leaves empty, so the scope inherits it', () => {
    const values = editorValues(saved);
    const visit = values.visit as {
      withinHoursByKind: Record<string, unknown>;
      samplingPercent: Record<string, unknown>;
      leakCategories: unknown;
    };
    visit.withinHoursByKind.repair = null;
    visit.samplingPercent.office = undefined;
    visit.leakCategories = [];
    const out = withSection(saved, 'visit', values);
    expect(out.visit).toEqual({ withinHoursByKind: { matter: 72 } });
    visit.withinHoursByKind.matter = undefined;
    expect(withSection(saved, 'visit', values)).not.toHaveProperty('visit');
    // The time zone is a section of its own at the policy's root.
    expect(withSection(saved, 'timezone', { timezone: '' })).not.toHaveProperty('timezone');
    expect(withSection(saved, 'timezone', { timezone: 'Asia/Tokyo' }).timezone).toBe('Asia/Tokyo');
  });

  it('sets nested values in an empty scope, which the merge then applies field by field', () => {
    const out = withSection({}, 'visit', { visit: { withinHoursByKind: { complaint: 48 }, homeVisitLatest: ' 21:00 ' } });
    expect(out).toEqual({ visit: { withinHoursByKind: { complaint: 48 }, homeVisitLatest: '21:00' } });
    const policy = effectivePolicy({ visit: { withinHoursByKind: { repair: 12 } } }, out);
    expect(policy.visit.withinHoursByKind).toEqual({ repair: 12, complaint: 48, matter: 168 });
    expect(policy.visit.homeVisitLatest).toBe('21:00');
  });

  it('keeps values of a section the catalogue does not know', () => {
    expect(withSection({ complaint: { future: 1, contactMinutes: 5 } }, 'complaint', {})).toEqual({ complaint: { future: 1 } });
  });

  it('starts the editors from the saved override, every field present', () => {
    const values = editorValues(saved);
    expect(valueAt(values, ['visit', 'withinHoursByKind', 'repair'])).toBe(12);
    expect(values).toHaveProperty(['complaint', 'classifyMinutes'], undefined);
    expect(Object.keys(values).sort()).toEqual([...policySections].sort());
    expect(Object.keys(editorValues(saved, 'timezone'))).toEqual(['timezone']);
  });

  it('tells which sections have unsaved edits', () => {
    const values = editorValues(saved);
    expect(policySections.filter((s) => sectionChanged(saved, s, values))).toEqual([]);
    (values.visit as { samplingPercent: Record<string, unknown> }).samplingPercent.repairer = 30;
    (values.matter as Record<string, unknown>).handOverMinutes = ''; // an emptied editor is unset
    expect(policySections.filter((s) => sectionChanged(saved, s, values))).toEqual(['visit']);
  });

  it('treats empty editors as unset', () => {
    for (const v of [undefined, null, '', '  ', []]) expect(isUnset(v)).toBe(true);
    for (const v of [0, '08:00', ['director']]) expect(isUnset(v)).toBe(false);
  });
});

describe('the history of a scope', () => {
  it('lists the values one version set, changed or cleared, of every section, in the editor’s order', () => {
    const v1 = { repair: { grabMinutes: 8 }, timezone: 'Asia/Shanghai' };
    const v2 = { complaint: { contactMinutes: 90 }, repair: { grabMinutes: 10 }, visit: { samplingPercent: { office: 7 } } };
    expect(policyChanges({}, v1).map((c) => [c.id, c.before, c.after])).toEqual([
      ['repair.grabMinutes', undefined, 8],
      ['timezone', undefined, 'Asia/Shanghai'],
    ]);
    const changes = policyChanges(v1, v2);
    expect(changes.map((c) => [c.id, c.before, c.after])).toEqual([
      ['repair.grabMinutes', 8, 10],
      ['complaint.contactMinutes', undefined, 90],
      ['visit.samplingPercent.office', undefined, 7],
      ['timezone', 'Asia/Shanghai', undefined],
    ]);
    expect(changes[1]?.field?.section).toBe('complaint');
    expect(policyChanges(v2, structuredClone(v2))).toEqual([]);
    // Lists compare by content; unknown values come last, without a field.
    expect(
      policyChanges({ repair: { escalationChain: ['director'] } }, { repair: { escalationChain: ['director'] }, x: { y: 1 } }),
    ).toEqual([{ id: 'x.y', field: undefined, before: undefined, after: 1 }]);
  });
});

describe('server field errors', () => {
  it('land on the editor of the value they name', () => {
    const map = policyErrorFieldMap();
    expect(map['override.complaint.contactMinutes']).toBe('complaint.contactMinutes');
    expect(map['override.visit.withinHoursByKind.repair']).toBe('visit.withinHoursByKind.repair');
    expect(map['override.visit.safetyCategories.3']).toBe('visit.safetyCategories');
    expect(map['override.timezone']).toBe('timezone');
    // Every path the server reports for a bad value of a catalogued field is mapped.
    const bad = policyOverrideSchema.safeParse({
      complaint: { contactMinutes: 0, escalationChain: ['nobody'] },
      visit: { samplingPercent: { office: 101 }, homeVisitLatest: '25:00' },
      timezone: 'Mars/Base',
    });
    expect(bad.success).toBe(false);
    const fields = (bad.error?.issues ?? []).map((i) => ['override', ...i.path].join('.'));
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const f of fields) expect(map[f], f).toBeDefined();
  });

  it('never reach a default: the defaults are the schema’s', () => {
    const defaults = defaultPolicy();
    for (const f of policyFields) expect(valueAt(defaults, f.path), f.id).toBeDefined();
  });
});
