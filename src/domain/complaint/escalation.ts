import type { Role } from '../access/roles.js';
import type { Bilingual } from '../shared/errors.js';
import type { ComplaintPolicy, EscalationRung } from './policy.js';

/** Who stands on each rung of the ladder. Deputy GM and GM share the company_manager role. */
export const rungRole: Record<EscalationRung, Role> = {
  cs_supervisor: 'cs_supervisor',
  director: 'director',
  cs_manager: 'cs_manager',
  complaint_centre: 'complaint_centre',
  deputy_gm: 'company_manager',
  gm: 'company_manager',
};

export const rungTitle: Record<EscalationRung, Bilingual> = {
  cs_supervisor: { zh: '客服主管', en: 'CS supervisor' },
  director: { zh: '管理处主任', en: 'office director' },
  cs_manager: { zh: '客服经理', en: 'CS manager' },
  complaint_centre: { zh: '公司客户投诉处理中心', en: 'company complaint centre' },
  deputy_gm: { zh: '主管副总经理', en: 'deputy general manager' },
  gm: { zh: '总经理', en: 'general manager' },
};

/** The rung at `level` (0 = the handler), clamped to the top of the chain. */
export function rungAt(policy: Pick<ComplaintPolicy, 'escalationChain'>, level: number): EscalationRung {
  const chain = policy.escalationChain;
  return chain[Math.max(0, Math.min(level, chain.length - 1))] as EscalationRung;
}

/** The highest level the chain allows. */
export const topLevel = (policy: Pick<ComplaintPolicy, 'escalationChain'>): number => policy.escalationChain.length - 1;
