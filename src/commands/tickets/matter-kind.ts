import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import { decideMatter, type Matter, type MatterCommand, type MatterTimerKind, type Notice } from '../../domain/matter/decide.js';
import { fireMatterTimer } from '../../domain/matter/fire-timer.js';
import {
  type MatterAction,
  type MatterDepartment,
  type MatterFlag,
  type MatterStatus,
  matterActions,
  matterRules,
} from '../../domain/matter/machine.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Executor } from '../../db/client.js';
import { getUser } from '../../db/repositories/org.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { matters } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { matterDepartmentHeads, matterDepartmentOf } from '../intake/people.js';
import { type EngineNotice, type TicketKind, moot, withFlag } from './kind.js';

export type MatterRow = typeof matters.$inferSelect;
type MatterPatch = Partial<typeof matters.$inferInsert>;

/** Department members see only what was handed to their department (or what they handled). */
const departmentOnly: readonly Role[] = ['technician', 'department_staff'];

/** The rules' view of a stored matter. */
export function toMatter(ticket: TicketRow, row: MatterRow): Matter {
  return {
    status: ticket.status as MatterStatus,
    ownerId: row.ownerId,
    supervisorId: row.supervisorId,
    department: row.department as MatterDepartment | null,
    handlerId: row.handlerId,
    category: row.category,
    isMajor: row.isMajor,
    createdAt: ticket.createdAt,
    completedAt: row.completedAt,
    reopenCount: row.reopenCount,
    flags: ticket.flags as MatterFlag[],
  };
}

export function matterRowPatch(patch: Partial<Matter>): MatterPatch {
  const out: MatterPatch = {};
  if (patch.supervisorId !== undefined) out.supervisorId = patch.supervisorId;
  if (patch.department !== undefined) out.department = patch.department;
  if (patch.handlerId !== undefined) out.handlerId = patch.handlerId;
  if (patch.completedAt !== undefined) out.completedAt = patch.completedAt;
  if (patch.reopenCount !== undefined) out.reopenCount = patch.reopenCount;
  return out;
}

/** The rules' notices with "the head of this department" resolved to people. */
export async function resolveMatterNotices(ex: Executor, communityId: string, notices: Notice[]): Promise<EngineNotice[]> {
  const out: EngineNotice[] = [];
  for (const n of notices) {
    const heads = n.departmentHeadOf ? await matterDepartmentHeads(ex, communityId, n.departmentHeadOf) : [];
    out.push({ roles: n.roles, userIds: [...new Set([...n.userIds, ...heads])], title: n.title });
  }
  return out;
}

/** Whether this person may see this matter. */
export function canSeeMatter(p: Principal, ticket: TicketRow, row: MatterRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  if (!canSeeInScope(p, ticket, 'matter.view')) return false;
  if (departmentOnly.includes(p.role)) {
    return row.handlerId === p.id || (row.department !== null && row.department === matterDepartmentOf(p.department));
  }
  return true;
}

/** Reads a supervisor id into what the rules need: their role, checked to be of the matter's community. */
export async function supervisorOf(ex: Executor, communityId: string, supervisorId: string): Promise<{ id: string; role: Role }> {
  const user = await getUser(ex, supervisorId);
  if (!user || user.communityId !== communityId || !user.isActive) {
    throw invalid('supervisor_elsewhere', { zh: '该主管不属于本小区', en: 'That supervisor works elsewhere' }, [
      { field: 'supervisorId', message: { zh: '请选择本小区的专业主管', en: 'Choose a supervisor of this community' } },
    ]);
  }
  return { id: user.id, role: user.role as Role };
}

/** 报事: a matter as the ticket engine drives it. */
export const matterKind: TicketKind<MatterRow, MatterPatch> = {
  kind: 'matter',
  viewPermission: 'matter.view',
  load: async (ex, id) => (await ex.select().from(matters).where(eq(matters.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(matters).set(patch).where(eq(matters.ticketId, id));
  },
  canSee: (p, ticket, row) => canSeeMatter(p, ticket, row),
  whoMay: (action) => ((matterActions as readonly string[]).includes(action) ? matterRules[action as MatterAction].who : null),
  async decide({ tx, p, ticket, row, action, body, policy, now }) {
    const b = body as Record<string, unknown>;
    let command: MatterCommand;
    if (action === 'send') {
      const sup = await supervisorOf(tx, ticket.communityId, b.supervisorId as string);
      command = { action: 'send', supervisorId: sup.id, supervisorRole: sup.role };
    } else {
      command = { ...b, action } as MatterCommand;
    }
    const d = decideMatter(toMatter(ticket, row), command, {
      actor: p,
      actorDepartment: matterDepartmentOf(p.department),
      policy: policy.matter,
      visitPolicy: policy.visit,
      now,
    });
    const rowPatch = matterRowPatch(d.patch);
    if (command.action === 'complete') rowPatch.result = command.result;
    if (command.action === 'reopen') rowPatch.result = null;
    return {
      to: d.to,
      ticket: {
        ...(d.patch.flags ? { flags: d.patch.flags } : {}),
        ...(d.patch.handlerId !== undefined ? { assigneeId: d.patch.handlerId } : {}),
      },
      row: rowPatch,
      event: d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: await resolveMatterNotices(tx, ticket.communityId, d.notices),
      ...(d.visitTask
        ? {
            visit: {
              dueAt: d.visitTask.dueAt,
              category: row.category,
              caseFlags: { isMajor: row.isMajor },
              isHomeVisitRequired: d.visitTask.isHomeVisitRequired,
            },
          }
        : {}),
    };
  },
  async fireTimer({ tx, ticket, row, timer, policy, now }) {
    const result = fireMatterTimer(toMatter(ticket, row), { kind: timer.kind as MatterTimerKind, level: timer.level }, policy.matter, now);
    if (!result.isRelevant) return moot;
    const flags = withFlag(ticket.flags, result.flag);
    return {
      isRelevant: true,
      ticket: { flags },
      event: result.event,
      cancel: [],
      schedule: result.next ? [result.next] : [],
      notices: await resolveMatterNotices(tx, ticket.communityId, result.notices),
    };
  },
};
