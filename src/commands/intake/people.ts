import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import type { MatterDepartment } from '../../domain/matter/machine.js';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** Active people of a community, narrowed by role and department. */
async function peopleOf(ex: Executor, communityId: string, where: { roles?: Role[]; department?: string }) {
  return ex
    .select({ id: users.id, name: users.name, role: users.role, department: users.department })
    .from(users)
    .where(
      and(
        eq(users.communityId, communityId),
        eq(users.isActive, true),
        where.roles ? inArray(users.role, where.roles) : undefined,
        where.department ? eq(users.department, where.department) : undefined,
      ),
    );
}

/**
 * The head of the department a person works in (首问责任制: over time or unsatisfied, the entry
 * goes to the department head). Customer service answers to the CS supervisor, then the CS manager;
 * engineering to the engineering supervisor; everybody else, and the heads themselves, to the director.
 */
export async function departmentHeadOf(
  ex: Executor,
  communityId: string,
  person: { id: string; role: Role | 'system'; department: string | null },
): Promise<string> {
  const chain: Role[] =
    person.department === 'customer_service'
      ? person.role === 'cs_supervisor'
        ? ['cs_manager', 'director']
        : person.role === 'cs_manager'
          ? ['director']
          : ['cs_supervisor', 'cs_manager', 'director']
      : person.department === 'engineering' && person.role !== 'eng_supervisor'
        ? ['eng_supervisor', 'director']
        : ['director'];
  const candidates = await peopleOf(ex, communityId, { roles: chain });
  for (const role of chain) {
    const found = candidates.find((c) => c.role === role && c.id !== person.id);
    if (found) return found.id;
  }
  // A director with nobody above in the community answers for it themselves.
  return person.id;
}

/**
 * The on-duty people nearest a place in a community: we do not track positions, so the people
 * who patrol the grounds (security) and the duty desk (clerks) are told together; whoever is
 * nearest goes, and taking the emergency tells the rest.
 */
export async function nearestOnDuty(ex: Executor, communityId: string): Promise<string[]> {
  const people = await peopleOf(ex, communityId, {});
  return people.filter((u) => u.department === 'security' || u.role === 'clerk').map((u) => u.id);
}

/** The head of a matter department of a community: its supervisor (engineering) or its staff (the team leaders). */
export async function matterDepartmentHeads(ex: Executor, communityId: string, department: MatterDepartment): Promise<string[]> {
  if (department === 'engineering') return (await peopleOf(ex, communityId, { roles: ['eng_supervisor'] })).map((u) => u.id);
  if (department === 'other') return (await peopleOf(ex, communityId, { roles: ['director'] })).map((u) => u.id);
  return (await peopleOf(ex, communityId, { roles: ['department_staff'], department })).map((u) => u.id);
}

/** The matter department a person works in (finance, management… count as "other"). */
export function matterDepartmentOf(department: string | null): MatterDepartment | null {
  if (!department) return null;
  if (department === 'security' || department === 'cleaning' || department === 'landscaping' || department === 'engineering') {
    return department;
  }
  return 'other';
}
