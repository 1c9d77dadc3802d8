import type { Actor, Role } from '../access/roles.js';
import type { HotWorkApplication, HotWorkContext, HotWorkPermit } from './decide.js';
import { defaultHotWorkPolicy } from './policy.js';

/** A person of community c1 with a role. */
export const staff = (role: Role, id = `${role}-1`): Actor => ({ kind: 'staff', id, role, name: id, companyId: 'co', communityId: 'c1' });
export const CLERK = staff('clerk');
export const CS_SUPERVISOR = staff('cs_supervisor');
export const CS_MANAGER = staff('cs_manager');
export const ENG_SUPERVISOR = staff('eng_supervisor');
export const GUARD = staff('department_staff', 'guard-1');
export const CLEANER = staff('department_staff', 'cleaner-1');
export const SYSTEM: Actor = { kind: 'system', id: 'system', role: 'system', name: 'system', companyId: 'co', communityId: 'c1' };

/** 2026-11-25 09:00 in Shanghai. */
export const NOW = new Date('2026-11-25T09:00:00+08:00');
export const at = (hhmm: string, day = '2026-11-25') => new Date(`${day}T${hhmm}:00+08:00`);

export const departmentOfActor = (a: Actor): string | null =>
  a.id === GUARD.id ? 'security' : a.id === CLEANER.id ? 'cleaning' : a.role === 'eng_supervisor' ? 'engineering' : 'customer_service';

export const ctxOf = (actor: Actor, now = NOW): HotWorkContext => ({
  actor,
  actorDepartment: departmentOfActor(actor),
  policy: defaultHotWorkPolicy(),
  now,
});

/** A complete application for 14:00–17:00 today. */
export const form = (over: Partial<HotWorkApplication> = {}): HotWorkApplication => ({
  applicantCompany: '宏达装饰工程有限公司',
  personInCharge: '李工',
  personInChargePhone: '13800001111',
  operatorName: '张师傅',
  operatorCertificateNo: 'T110101198001011234',
  location: '3栋地下车库',
  workType: 'welding',
  reason: '更换消防管道支架',
  windowStartAt: at('14:00'),
  windowEndAt: at('17:00'),
  extinguisherCount: 2,
  fireWatcherName: '王五',
  hasClearedCombustibles: true,
  ...over,
});

export const permitIn = (status: HotWorkPermit['status'], over: Partial<HotWorkPermit> = {}): HotWorkPermit => ({
  status,
  windowStartAt: at('14:00'),
  windowEndAt: at('17:00'),
  csApprovedById: null,
  engineeringApprovedById: null,
  issuedAt: null,
  lastInspectedAt: null,
  inspectionCount: 0,
  ...over,
});
