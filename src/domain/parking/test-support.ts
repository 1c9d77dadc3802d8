import type { Actor, Role } from '../access/roles.js';
import type { ParkingCard, ParkingContext } from './decide.js';
import { defaultParkingPolicy } from './policy.js';

export const staff = (role: Role, id = `${role}-1`): Actor => ({ kind: 'staff', id, role, name: id, companyId: 'co', communityId: 'c1' });
export const CLERK = staff('clerk');
export const FINANCE = staff('finance');
export const RESIDENT = staff('resident', 'resident-1');
export const SYSTEM: Actor = { kind: 'system', id: 'system', role: 'system', name: 'system', companyId: 'co', communityId: 'c1' };
/** 2026-11-25 09:00 in Shanghai. */
export const NOW = new Date('2026-11-25T09:00:00+08:00');
export const TZ = 'Asia/Shanghai';

export const ctxOf = (actor: Actor, now = NOW): ParkingContext => ({ actor, policy: defaultParkingPolicy(), timezone: TZ, now });

export const cardIn = (status: ParkingCard['status'], over: Partial<ParkingCard> = {}): ParkingCard => ({
  status,
  spaceId: null,
  agreementSignedAt: null,
  paidMonths: null,
  cardNumber: null,
  validFrom: null,
  validTo: null,
  ...over,
});
