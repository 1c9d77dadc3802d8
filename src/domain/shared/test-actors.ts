/**
 * People and times shared by the domain tests of the ticket kinds. Not imported by production code.
 */
import { type Actor, isCompanyLevel, type Role, type StaffRole, staffRoles, systemActor } from '../access/roles.js';

export const COMPANY = 'co-1';
export const COMMUNITY = 'comm-1';
/** The fixtures' starting moment: 2026-11-25 09:00 Beijing time. */
export const T0 = new Date('2026-11-25T09:00:00+08:00');
export const bj = (local: string): Date => new Date(`${local}+08:00`);
export const iso = (d: Date | null | undefined) => d?.toISOString();

export type Who = Role | 'system';
export const everyone: Who[] = [...staffRoles, 'resident', 'system'];

export function staff(role: StaffRole, id = `${role}-1`): Actor {
  return { kind: 'staff', id, role, name: `${role} ${id}`, companyId: COMPANY, communityId: isCompanyLevel(role) ? null : COMMUNITY };
}
export const RESIDENT: Actor = {
  kind: 'resident',
  id: 'res-1',
  role: 'resident',
  name: '业主',
  companyId: COMPANY,
  communityId: COMMUNITY,
};
export const SYSTEM = systemActor(COMPANY, COMMUNITY);

/** The acting person for a role in the exhaustive tests. */
export function actorFor(who: Who): Actor {
  if (who === 'system') return SYSTEM;
  if (who === 'resident') return RESIDENT;
  return staff(who);
}
