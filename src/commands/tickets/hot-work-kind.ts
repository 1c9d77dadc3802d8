import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  decideHotWork,
  type HotWorkCommand,
  type HotWorkNotice,
  type HotWorkPermit,
  type HotWorkTimerKind,
} from '../../domain/hot-work/decide.js';
import { fireHotWorkTimer } from '../../domain/hot-work/fire-timer.js';
import { type HotWorkAction, type HotWorkStatus, hotWorkActions, hotWorkRules } from '../../domain/hot-work/machine.js';
import type { Executor } from '../../db/client.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { hotWorkInspections, hotWorkPermits, users } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { type EngineNotice, moot, type TicketKind } from './kind.js';

export type HotWorkRow = typeof hotWorkPermits.$inferSelect;
type HotWorkPatch = Partial<typeof hotWorkPermits.$inferInsert>;

/** The rules' view of a stored permit. */
export function toPermit(ticket: Pick<TicketRow, 'status'>, row: HotWorkRow): HotWorkPermit {
  return {
    status: ticket.status as HotWorkStatus,
    windowStartAt: row.windowStartAt,
    windowEndAt: row.windowEndAt,
    csApprovedById: row.csApprovedById,
    engineeringApprovedById: row.engineeringApprovedById,
    issuedAt: row.issuedAt,
    lastInspectedAt: row.lastInspectedAt,
    inspectionCount: row.inspectionCount,
  };
}

/** The community's security staff (保安部), who inspect hot work. */
export async function securityStaffOf(ex: Executor, communityId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.communityId, communityId), eq(users.isActive, true), eq(users.department, 'security')));
  return rows.map((r) => r.id);
}

/** The rules' notices with "security" resolved to its people. */
export async function resolveHotWorkNotices(ex: Executor, communityId: string, notices: HotWorkNotice[]): Promise<EngineNotice[]> {
  const security = notices.some((n) => n.security) ? await securityStaffOf(ex, communityId) : [];
  return notices.map((n) => ({ roles: n.roles, userIds: [...new Set([...n.userIds, ...(n.security ? security : [])])], title: n.title }));
}

/** Whether this person may see this permit: hot-work staff of its community; of the departments, only security. */
export function canSeeHotWork(p: Principal, ticket: TicketRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  if (!canSeeInScope(p, ticket, 'hot_work.view')) return false;
  return p.role !== 'department_staff' || p.department === 'security';
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const optional = (v: unknown): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);

/** Reads a request body into the rules' command. */
function commandOf(action: HotWorkAction, b: Record<string, unknown>): HotWorkCommand {
  switch (action) {
    case 'approve_cs':
    case 'approve_engineering':
      return { action, note: optional(b.note) };
    case 'reject':
    case 'cancel':
      return { action, reason: text(b.reason) };
    case 'inspect':
      return {
        action,
        findings: b.findings as 'ok' | 'problem',
        note: optional(b.note),
        stopWork: b.stopWork === true,
        resumeWork: b.resumeWork === true,
      };
    case 'close':
      return { action, isSiteSafe: b.isSiteSafe === true, hasNoEmbers: b.hasNoEmbers === true, note: optional(b.note) };
    case 'start':
    case 'end':
      return { action };
  }
}

/** 临时动火: a hot-work permit as the ticket engine drives it. */
export const hotWorkKind: TicketKind<HotWorkRow, HotWorkPatch> = {
  kind: 'hot_work',
  viewPermission: 'hot_work.view',
  load: async (ex, id) => (await ex.select().from(hotWorkPermits).where(eq(hotWorkPermits.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(hotWorkPermits).set(patch).where(eq(hotWorkPermits.ticketId, id));
  },
  canSee: (p, ticket) => canSeeHotWork(p, ticket),
  whoMay: (action) => ((hotWorkActions as readonly string[]).includes(action) ? hotWorkRules[action as HotWorkAction].who : null),
  async decide({ tx, p, ticket, row, action, body, policy, now }) {
    const command = commandOf(action as HotWorkAction, (body ?? {}) as Record<string, unknown>);
    const d = decideHotWork(toPermit(ticket, row), command, { actor: p, actorDepartment: p.department, policy: policy.hotWork, now });
    const patch: HotWorkPatch = {};
    if (d.patch.csApprovedById) Object.assign(patch, { csApprovedById: p.id, csApprovedByName: p.name, csApprovedAt: now });
    if (d.patch.engineeringApprovedById)
      Object.assign(patch, { engineeringApprovedById: p.id, engineeringApprovedByName: p.name, engineeringApprovedAt: now });
    if (d.patch.issuedAt) patch.issuedAt = d.patch.issuedAt;
    if (d.patch.safetyNotes) patch.safetyNotes = d.patch.safetyNotes;
    if (d.patch.lastInspectedAt) patch.lastInspectedAt = d.patch.lastInspectedAt;
    if (d.patch.inspectionCount !== undefined) patch.inspectionCount = d.patch.inspectionCount;
    if (command.action === 'reject') patch.rejectionReason = command.reason;
    if (command.action === 'close') Object.assign(patch, { closedByName: p.name, closeNote: command.note ?? null });
    const inspectionId = command.action === 'inspect' ? randomUUID() : null;
    return {
      to: d.to,
      ticket: d.to === 'rejected' ? { closedAt: now } : {},
      row: patch,
      event: inspectionId ? { ...d.event, data: { ...d.event.data, inspectionId } } : d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: await resolveHotWorkNotices(tx, ticket.communityId, d.notices),
      ...(command.action === 'inspect' && inspectionId
        ? {
            after: async (ex: Executor) => {
              await ex.insert(hotWorkInspections).values({
                id: inspectionId,
                companyId: ticket.companyId,
                communityId: ticket.communityId,
                ticketId: ticket.id,
                at: now,
                inspectorId: p.id,
                inspectorName: p.name,
                findings: command.findings,
                note: command.note ?? null,
                outcome: d.to === ticket.status ? 'none' : d.to === 'suspended' ? 'suspended' : 'resumed',
              });
            },
          }
        : {}),
    };
  },
  async fireTimer({ tx, ticket, row, timer, policy, now }) {
    const r = fireHotWorkTimer(toPermit(ticket, row), { kind: timer.kind as HotWorkTimerKind, level: timer.level }, policy.hotWork, now);
    if (r.kind === 'moot') return moot;
    if (r.kind === 'remind') {
      return {
        isRelevant: true,
        event: r.event,
        cancel: [],
        schedule: [r.next],
        notices: await resolveHotWorkNotices(tx, ticket.communityId, r.notices),
      };
    }
    // The step itself (the window opens or ends, the card expires) is the kind's own action, run by the system.
    return { isRelevant: true, event: null, cancel: [], schedule: [], notices: [], systemAction: r.action };
  },
};
