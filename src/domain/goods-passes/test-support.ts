import type { Actor, Role } from '../access/roles.js';
import type { GoodsPass } from './decide.js';
import { type GoodsPassPolicy, goodsPassPolicySchema } from './policy.js';

/** People of the goods-pass tests. */
export const person = (role: Role | 'system', id = `${role}-1`): Actor => ({
  kind: role === 'resident' ? 'resident' : role === 'system' ? 'system' : 'staff',
  id,
  role,
  name: `${role} ${id}`,
  companyId: 'co',
  communityId: 'yg',
});
export const CLERK = person('clerk');
export const SUPERVISOR = person('cs_supervisor');
export const GUARD = person('department_staff', 'guard-1');
export const RESIDENT = person('resident');
export const SYSTEM = person('system', 'system');

export const policy: GoodsPassPolicy = goodsPassPolicySchema.parse({});
export const at = (iso: string) => new Date(iso);

/** An application with a goods list and a checked identity, ready to issue. */
export const application = (over: Partial<GoodsPass> = {}): GoodsPass => ({
  status: 'applied',
  identity: { applicantName: '张伟', relation: 'owner', idType: 'id_card', idLast4: '123X', authorisation: null },
  items: [{ name: '旧沙发', quantity: 1 }],
  validUntil: null,
  overrideReason: null,
  releasedAt: null,
  releasedByName: null,
  ...over,
});
