import { commonTimeZones, type PolicyField } from '../../../../../src/contract/policy';

/** The policy's values as the editor shows them (src/contract/policy.ts lists them, with bounds from the schema). */
export {
  editorValues,
  isUnset,
  type PolicyChange,
  type PolicyField,
  type PolicySection,
  policyChanges,
  policyErrorFieldMap,
  policyFields,
  policySections,
  sectionChanged,
  sectionFields,
  valueAt,
  withSection,
} from '../../../../../src/contract/policy';

/**
 * The test id suffix of a field: the repair section's fields keep their bare key
 * (`policy-grabMinutes`), as before the other sections existed; the rest use their dotted path
 * (`policy-complaint.contactMinutes`, `policy-visit.withinHoursByKind.repair`, `policy-timezone`).
 */
export const fieldTestKey = (f: PolicyField): string => (f.section === 'repair' ? f.path.slice(1).join('.') : f.id);

/** The antd form name of a field: its path in the policy. */
export const formName = (f: PolicyField): string[] => [...f.path];

export const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Category codes offered for the visit's safety and leak lists (any other code may be typed). */
export const suggestedCategoryCodes = [
  'safety_facility',
  'fire_safety',
  'elevator',
  'gas',
  'access_control',
  'leak',
  'seepage',
  'waterproofing',
  'plumbing',
  'electrical',
  'doors_windows',
  'appliance',
  'equipment',
  'public_area',
];

/** Every zone the browser knows, the common ones first. */
export function timeZoneChoices(current?: unknown): { common: string[]; others: string[] } {
  const common: string[] = [...commonTimeZones];
  let all: string[] = [];
  try {
    all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    all = [];
  }
  const others = all.filter((z) => !common.includes(z));
  if (typeof current === 'string' && current && !common.includes(current) && !others.includes(current)) others.unshift(current);
  return { common, others };
}
