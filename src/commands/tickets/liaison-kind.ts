import { eq, sql } from 'drizzle-orm';
import { decideLiaison, type Liaison, type LiaisonCommand, type LiaisonTimerKind } from '../../domain/warranty/decide.js';
import { fireLiaisonTimer } from '../../domain/warranty/fire-timer.js';
import { type LiaisonAction, type LiaisonFlag, type LiaisonStatus, liaisonActions, liaisonRules } from '../../domain/warranty/machine.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { liaisonForms, liaisonItems } from '../../db/schema/index.js';
import { canSeeInScope, type Principal } from '../context.js';
import { moot, type TicketKind, withFlag } from './kind.js';

export type LiaisonRow = typeof liaisonForms.$inferSelect & { itemCount: number };
type LiaisonPatch = Partial<typeof liaisonForms.$inferInsert>;

/** The rules' view of a stored liaison form. */
export function toLiaison(ticket: TicketRow, row: LiaisonRow): Liaison {
  return { status: ticket.status as LiaisonStatus, flags: ticket.flags as LiaisonFlag[], itemCount: row.itemCount, repairBy: row.repairBy };
}

/**
 * Who sees a liaison form: the office's staff and the company's oversight by `warranty.view` and
 * scope; the developer's liaison only the forms of their own community (community-scoped like
 * every community role).
 */
export function canSeeLiaison(p: Principal, ticket: TicketRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  return canSeeInScope(p, ticket, 'warranty.view');
}

/** The action's payload as the rules read it (the contract has checked its shape). */
function commandOf(action: LiaisonAction, b: Record<string, unknown>): LiaisonCommand {
  if (action === 'reply') return { action, plan: String(b.plan ?? ''), repairBy: new Date(String(b.repairBy ?? '')) };
  return { ...b, action } as LiaisonCommand;
}

/** 工作联系单: a liaison form to the developer, as the ticket engine drives it. */
export const liaisonKind: TicketKind<LiaisonRow, LiaisonPatch> = {
  kind: 'liaison',
  viewPermission: 'warranty.view',
  load: async (ex, id) => {
    const [row] = await ex.select().from(liaisonForms).where(eq(liaisonForms.ticketId, id));
    if (!row) return null;
    const [n] = await ex.select({ n: sql<number>`count(*)::int` }).from(liaisonItems).where(eq(liaisonItems.ticketId, id));
    return { ...row, itemCount: Number(n?.n ?? 0) };
  },
  save: async (ex, id, patch) => {
    await ex.update(liaisonForms).set(patch).where(eq(liaisonForms.ticketId, id));
  },
  canSee: (p, ticket) => canSeeLiaison(p, ticket),
  whoMay: (action) => ((liaisonActions as readonly string[]).includes(action) ? liaisonRules[action as LiaisonAction].who : null),
  async decide({ p, ticket, row, action, body, policy, now }) {
    const d = decideLiaison(toLiaison(ticket, row), commandOf(action as LiaisonAction, body as Record<string, unknown>), {
      actor: p,
      policy: policy.warranty,
      now,
    });
    const { flags, ...fields } = d.patch;
    return {
      to: d.to,
      ticket: flags ? { flags } : {},
      row: { ...fields, ...(action === 'record_visit' ? { visitedByName: p.name } : {}) },
      event: d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: d.notices.map((n) => ({ roles: n.roles, userIds: [], title: n.title })),
    };
  },
  async fireTimer({ ticket, row, timer, policy, now }) {
    const r = fireLiaisonTimer(toLiaison(ticket, row), { kind: timer.kind as LiaisonTimerKind, level: timer.level }, policy.warranty, now);
    if (!r.isRelevant) return moot;
    return {
      isRelevant: true,
      ticket: { flags: withFlag(ticket.flags, r.flag) },
      event: r.event,
      cancel: [],
      schedule: r.next ? [r.next] : [],
      notices: r.notices.map((n) => ({ roles: n.roles, userIds: [], title: n.title })),
    };
  },
};
