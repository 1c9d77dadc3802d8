/** The repair policy's settings as the form shows them (src/domain/policy/policy.ts is the source of truth). */
export type PolicyFieldKind = 'minutes' | 'hours' | 'count' | 'copies' | 'time' | 'roles';

export interface PolicyField {
  key:
    | 'grabMinutes'
    | 'acceptMinutes'
    | 'urgentArrivalMinutes'
    | 'immediateArrivalMinutes'
    | 'progressChaseMinutes'
    | 'sameDayCutoff'
    | 'escalationIntervalMinutes'
    | 'escalationChain'
    | 'quoteMinutes'
    | 'visitWithinHours'
    | 'codeMaxAttempts'
    | 'maxPromiseChanges'
    | 'paidCopies'
    | 'freeCopies';
  kind: PolicyFieldKind;
  min?: number;
  max?: number;
}

const month = 60 * 24 * 30;

export const policyFields: PolicyField[] = [
  { key: 'grabMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'acceptMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'urgentArrivalMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'immediateArrivalMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'progressChaseMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'sameDayCutoff', kind: 'time' },
  { key: 'escalationIntervalMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'escalationChain', kind: 'roles' },
  { key: 'quoteMinutes', kind: 'minutes', min: 1, max: month },
  { key: 'visitWithinHours', kind: 'hours', min: 1, max: 24 * 30 },
  { key: 'codeMaxAttempts', kind: 'count', min: 1, max: 20 },
  { key: 'maxPromiseChanges', kind: 'count', min: 0, max: 10 },
  { key: 'paidCopies', kind: 'copies', min: 1, max: 5 },
  { key: 'freeCopies', kind: 'copies', min: 1, max: 5 },
];

export const escalationRoles = ['eng_supervisor', 'cs_supervisor', 'director', 'cs_manager', 'company_manager'] as const;

export const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
