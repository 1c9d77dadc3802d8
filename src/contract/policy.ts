import { z } from 'zod';
import { policySchema } from '../domain/policy/policy.js';

/**
 * The policy as the admin's editor shows it: every value of every section, where it sits in the
 * policy, what kind of value it is, and its bounds. The bounds and choices are read from the
 * policy's schema (src/domain/policy/policy.ts and the sections' own schemas), so the editor can
 * never offer what the server refuses; the catalogue only adds the order and the unit.
 */

export const policySections = [
  'repair',
  'complaint',
  'intake',
  'matter',
  'visit',
  'renovation',
  'goodsPass',
  'hotWork',
  'parking',
  'arrears',
  'patrol',
  'warranty',
  'ownerVisit',
  'questionnaire',
  'timezone',
] as const;
export type PolicySection = (typeof policySections)[number];

export type PolicyFieldKind =
  | 'minutes'
  | 'hours'
  | 'count'
  | 'copies'
  | 'households'
  | 'percent'
  | 'ratio'
  | 'dayOfMonth'
  | 'time'
  /** An ordered list of roles (an escalation chain): the first is told first. */
  | 'chain'
  /** A set of free category codes. */
  | 'codes'
  /** A set of local dates (YYYY-MM-DD): a company's own days off or working days. */
  | 'dates'
  | 'days'
  /** Working days: public holidays skipped, make-up working days counted. */
  | 'workingDays'
  | 'months'
  | 'years'
  | 'timezone';

export interface PolicyField {
  /** Dotted path from the policy's root ('visit.withinHoursByKind.repair'); also the label's key. */
  id: string;
  section: PolicySection;
  path: readonly string[];
  kind: PolicyFieldKind;
  /** Numbers: bounds and whether only whole numbers are allowed. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Lists: how many items, and the allowed items when the schema names them. */
  minItems?: number;
  maxItems?: number;
  options?: readonly string[];
}

/** Every leaf of the policy, in the order the editor shows them. */
const catalogue: [id: string, kind: PolicyFieldKind][] = [
  ['repair.grabMinutes', 'minutes'],
  ['repair.acceptMinutes', 'minutes'],
  ['repair.urgentArrivalMinutes', 'minutes'],
  ['repair.immediateArrivalMinutes', 'minutes'],
  ['repair.progressChaseMinutes', 'minutes'],
  ['repair.sameDayCutoff', 'time'],
  ['repair.escalationIntervalMinutes', 'minutes'],
  ['repair.escalationChain', 'chain'],
  ['repair.quoteMinutes', 'minutes'],
  ['repair.visitWithinHours', 'hours'],
  ['repair.codeMaxAttempts', 'count'],
  ['repair.maxPromiseChanges', 'count'],
  ['repair.paidCopies', 'copies'],
  ['repair.freeCopies', 'copies'],

  ['complaint.classifyMinutes', 'minutes'],
  ['complaint.contactMinutes', 'minutes'],
  ['complaint.referralMinutes', 'minutes'],
  ['complaint.invalidReplyMinutes', 'minutes'],
  ['complaint.onSpotReportMinutes', 'minutes'],
  ['complaint.onSpotReplyMinutes', 'minutes'],
  ['complaint.forwardedReportHours', 'hours'],
  ['complaint.progressUpdateHours', 'hours'],
  ['complaint.collectiveMinHouseholds', 'households'],
  ['complaint.collectiveWindowHours', 'hours'],
  ['complaint.collectiveSimilarity', 'ratio'],
  ['complaint.escalationChain', 'chain'],
  ['complaint.escalationIntervalMinutes', 'minutes'],
  ['complaint.visitWithinHours', 'hours'],
  ['complaint.monthlyReportDay', 'dayOfMonth'],
  ['complaint.targetComplaintRatePercent', 'percent'],

  ['intake.consultationReplyMinutes', 'minutes'],
  ['intake.writtenReplyMinutes', 'minutes'],
  ['intake.suggestionReplyMinutes', 'minutes'],
  ['intake.helpReplyMinutes', 'minutes'],
  ['intake.escalatedReplyMinutes', 'minutes'],
  ['intake.emergencyAckMinutes', 'minutes'],
  ['intake.emergencyEscalationIntervalMinutes', 'minutes'],
  ['intake.emergencyEscalationChain', 'chain'],

  ['matter.handOverMinutes', 'minutes'],
  ['matter.completionMinutes', 'minutes'],
  ['matter.escalationIntervalMinutes', 'minutes'],
  ['matter.handOverEscalationChain', 'chain'],
  ['matter.completionEscalationChain', 'chain'],

  ['visit.withinHoursByKind.repair', 'hours'],
  ['visit.withinHoursByKind.complaint', 'hours'],
  ['visit.withinHoursByKind.matter', 'hours'],
  ['visit.defaultWithinHours', 'hours'],
  ['visit.safetyFacilityHours', 'hours'],
  ['visit.leakHours', 'hours'],
  ['visit.safetyCategories', 'codes'],
  ['visit.leakCategories', 'codes'],
  ['visit.homeVisitEarliest', 'time'],
  ['visit.homeVisitLatest', 'time'],
  ['visit.rectificationNoticeHours', 'hours'],
  ['visit.samplingPercent.office', 'percent'],
  ['visit.samplingPercent.engineeringHead', 'percent'],
  ['visit.samplingPercent.repairer', 'percent'],

  ['renovation.depositRefundWorkingDays', 'workingDays'],
  ['renovation.completenessCheckCutoff', 'time'],
  ['renovation.engineeringPatrolIntervalDays', 'days'],
  ['renovation.rectificationDeadlineHours', 'hours'],
  ['renovation.extraHolidays', 'dates'],
  ['renovation.extraWorkingDays', 'dates'],

  ['goodsPass.validHours', 'hours'],

  ['hotWork.maxWindowHours', 'hours'],
  ['hotWork.inspectionIntervalMinutes', 'minutes'],
  ['hotWork.minExtinguishers', 'count'],

  ['parking.cardValidityMonths', 'months'],
  ['parking.expiryReminderDays', 'days'],

  ['arrears.chaseIntervalDays', 'days'],

  ['patrol.roundsPerWeek', 'count'],

  ['warranty.developerReplyHours', 'hours'],
  ['warranty.chaseIntervalHours', 'hours'],
  ['warranty.structureYears', 'years'],
  ['warranty.waterproofingYears', 'years'],
  ['warranty.heatingCoolingYears', 'years'],
  ['warranty.electricalYears', 'years'],
  ['warranty.drainageYears', 'years'],
  ['warranty.equipmentYears', 'years'],
  ['warranty.decorationYears', 'years'],
  ['warranty.categoriesByClass.structure', 'codes'],
  ['warranty.categoriesByClass.waterproofing', 'codes'],
  ['warranty.categoriesByClass.heating_cooling', 'codes'],
  ['warranty.categoriesByClass.electrical', 'codes'],
  ['warranty.categoriesByClass.drainage', 'codes'],
  ['warranty.categoriesByClass.equipment', 'codes'],
  ['warranty.categoriesByClass.decoration', 'codes'],

  ['ownerVisit.firstBandUpTo', 'households'],
  ['ownerVisit.firstBandPercent', 'percent'],
  ['ownerVisit.secondBandUpTo', 'households'],
  ['ownerVisit.secondBandPercent', 'percent'],
  ['ownerVisit.thirdBandUpTo', 'households'],
  ['ownerVisit.thirdBandPercent', 'percent'],
  ['ownerVisit.aboveBandsPercent', 'percent'],
  ['ownerVisit.earliestVisitTime', 'time'],
  ['ownerVisit.latestVisitTime', 'time'],
  ['ownerVisit.repeatWindowMonths', 'months'],
  ['ownerVisit.summaryDay', 'dayOfMonth'],

  ['questionnaire.issueMonths', 'codes'],
  ['questionnaire.issueDay', 'dayOfMonth'],
  ['questionnaire.recoveryWorkingDays', 'workingDays'],
  ['questionnaire.minRecoveryPercent', 'percent'],
  ['questionnaire.penaltyPointsPerPercent', 'count'],
  ['questionnaire.paretoThresholdPercent', 'percent'],
  ['questionnaire.statisticsWorkingDays', 'workingDays'],
  ['questionnaire.standardItems', 'codes'],

  ['timezone', 'timezone'],
];

const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault || s instanceof z.ZodOptional ? unwrap(s.unwrap() as z.ZodType) : s);

/** The schema of one value of the policy, without its default; undefined when the path names nothing. */
export function policySchemaAt(path: readonly string[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = policySchema;
  for (const key of path) {
    const inner: z.ZodType = unwrap(s);
    if (!(inner instanceof z.ZodObject)) return undefined;
    s = (inner.shape as Record<string, z.ZodType>)[key];
    if (!s) return undefined;
  }
  return unwrap(s);
}

interface LengthCheck {
  _zod: { def: { check?: string; minimum?: number; maximum?: number } };
}

function fieldOf(id: string, kind: PolicyFieldKind): PolicyField {
  const path = id.split('.');
  const field: PolicyField = { id, section: path[0] as PolicySection, path, kind };
  const s = policySchemaAt(path);
  if (s instanceof z.ZodNumber) {
    field.min = s.minValue ?? undefined;
    field.max = s.maxValue ?? undefined;
    field.integer = s.format === 'safeint' || s.format === 'int32';
  } else if (s instanceof z.ZodArray) {
    for (const c of (s._zod.def.checks ?? []) as unknown as LengthCheck[]) {
      if (c._zod.def.check === 'min_length') field.minItems = c._zod.def.minimum;
      if (c._zod.def.check === 'max_length') field.maxItems = c._zod.def.maximum;
    }
    if (s.element instanceof z.ZodEnum) field.options = s.element.options as string[];
  }
  return field;
}

export const policyFields: readonly PolicyField[] = catalogue.map(([id, kind]) => fieldOf(id, kind));

const byId = new Map(policyFields.map((f) => [f.id, f]));
export const policyFieldById = (id: string): PolicyField | undefined => byId.get(id);
export const sectionFields = (section: PolicySection): PolicyField[] => policyFields.filter((f) => f.section === section);

/**
 * Common IANA time zones, the service centre's own first; the editor offers every zone the
 * browser knows after these.
 */
export const commonTimeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Vancouver',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
] as const;

// ---------------------------------------------------------------------------------------------
// Values by path. An override names only what a scope sets; an unset value falls back to the
// company's, then to the default.

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path, or undefined. */
export function valueAt(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const key of path) {
    if (!isTree(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** An editor left empty: the scope does not set the value. */
export const isUnset = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function setAt(obj: Tree, path: readonly string[], value: unknown): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1] as string] = value;
}

/** Removes the value at a path and every object it leaves empty. */
function deleteAt(obj: Tree, path: readonly string[]): void {
  const [key, ...rest] = path;
  if (key === undefined || !(key in obj)) return;
  if (rest.length === 0) {
    delete obj[key];
    return;
  }
  const child = obj[key];
  if (!isTree(child)) return;
  deleteAt(child, rest);
  if (Object.keys(child).length === 0) delete obj[key];
}

const normalise = (v: unknown): unknown => (isUnset(v) ? undefined : typeof v === 'string' ? v.trim() : v);
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/**
 * A scope's override with one section replaced by the editor's values (`values` is shaped like the
 * policy: { complaint: { contactMinutes: 90 } }). The other sections stay exactly as they were;
 * an empty editor removes its value, so the scope inherits it again.
 */
export function withSection(layer: unknown, section: PolicySection, values: unknown): Tree {
  const out: Tree = isTree(layer) ? structuredClone(layer) : {};
  for (const f of sectionFields(section)) {
    deleteAt(out, f.path);
    const v = normalise(valueAt(values, f.path));
    if (v !== undefined) setAt(out, f.path, v);
  }
  return out;
}

/** The editor's starting values for a scope: every field, set or not (so an unset one shows empty). */
export function editorValues(layer: unknown, section?: PolicySection): Tree {
  const out: Tree = {};
  for (const f of section ? sectionFields(section) : policyFields) setAt(out, f.path, valueAt(layer, f.path) ?? undefined);
  return out;
}

/** Whether the editor's values of a section differ from what the scope has saved. */
export const sectionChanged = (layer: unknown, section: PolicySection, values: unknown): boolean =>
  sectionFields(section).some((f) => !sameValue(valueAt(layer, f.path), valueAt(values, f.path)));

export interface PolicyChange {
  /** Dotted path; `field` is missing for a value the catalogue does not know. */
  id: string;
  field?: PolicyField;
  before: unknown;
  after: unknown;
}

/** Every value an override sets, as dotted paths (a list is one value). */
function leaves(obj: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (!isTree(obj)) return out;
  for (const [key, v] of Object.entries(obj)) {
    if (isTree(v)) leaves(v, [...prefix, key], out);
    else if (v !== undefined) out.push([...prefix, key]);
  }
  return out;
}

/**
 * What one version of an override changed against the version before it (null for the first):
 * set, changed or removed values, in the editor's order, unknown ones last.
 */
export function policyChanges(before: unknown, after: unknown): PolicyChange[] {
  const ids = new Set([...leaves(before), ...leaves(after)].map((p) => p.join('.')));
  const order = (id: string) => {
    const i = policyFields.findIndex((f) => f.id === id);
    return i < 0 ? policyFields.length : i;
  };
  return [...ids]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((id) => {
      const path = id.split('.');
      return { id, field: byId.get(id), before: valueAt(before, path), after: valueAt(after, path) };
    })
    .filter((c) => !sameValue(c.before, c.after));
}

/**
 * Server field errors name the body's path ('override.complaint.contactMinutes', a list's item
 * 'override.visit.safetyCategories.3'); this maps each to the editor's field ('complaint.contactMinutes').
 */
export function policyErrorFieldMap(): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of policyFields) {
    map[`override.${f.id}`] = f.id;
    if (f.kind === 'chain' || f.kind === 'codes') for (let i = 0; i < (f.maxItems ?? 50); i++) map[`override.${f.id}.${i}`] = f.id;
  }
  return map;
}
