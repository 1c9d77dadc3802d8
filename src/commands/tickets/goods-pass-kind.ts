import { eq } from 'drizzle-orm';
import {
  decideGoodsPass,
  fireGoodsPassTimer,
  type GoodsItem,
  type GoodsPass,
  type GoodsPassCommand,
  type GoodsPassTimerKind,
  type Identity,
} from '../../domain/goods-passes/decide.js';
import {
  type ApplicantRelation,
  type GoodsPassAction,
  type GoodsPassStatus,
  goodsPassActions,
  goodsPassRules,
  type IdType,
} from '../../domain/goods-passes/machine.js';
import type { TicketRow } from '../../db/repositories/repair-orders.js';
import { goodsPasses } from '../../db/schema/index.js';
import { householdArrears } from '../arrears/household-arrears.js';
import { canSeeInScope, type Principal } from '../context.js';
import { type ActionOutcome, moot, type TicketKind } from './kind.js';

export type GoodsPassRow = typeof goodsPasses.$inferSelect;
type GoodsPassPatch = Partial<typeof goodsPasses.$inferInsert>;

/** Whether a person works the gate: security staff (门岗保安, 保安队长). */
export const isSecurity = (p: Pick<Principal, 'role' | 'department'>): boolean =>
  p.role === 'department_staff' && p.department === 'security';

/** The rules' view of a stored pass. */
export function toGoodsPass(ticket: TicketRow, row: GoodsPassRow): GoodsPass {
  const identity: Partial<Identity> = {};
  if (row.applicantName) identity.applicantName = row.applicantName;
  if (row.applicantRelation) identity.relation = row.applicantRelation as ApplicantRelation;
  if (row.idType) identity.idType = row.idType as IdType;
  if (row.idLast4) identity.idLast4 = row.idLast4;
  identity.authorisation = row.authorisation;
  return {
    status: ticket.status as GoodsPassStatus,
    identity,
    items: row.items as GoodsItem[],
    validUntil: row.validUntil,
    overrideReason: row.overrideReason,
    releasedAt: row.releasedAt,
    releasedByName: row.releasedByName,
  };
}

/** Whether this person may see this pass: staff of its community (security only among departments), its household. */
export function canSeeGoodsPass(p: Principal, ticket: TicketRow): boolean {
  if ((p.role as string) === 'system') return ticket.companyId === p.companyId;
  if (!canSeeInScope(p, ticket, 'goods_pass.view')) return false;
  return p.role !== 'department_staff' || isSecurity(p);
}

const ends: readonly GoodsPassStatus[] = ['released', 'returned', 'expired'];

/** 物品放行条: a goods release pass as the ticket engine drives it. */
export const goodsPassKind: TicketKind<GoodsPassRow, GoodsPassPatch> = {
  kind: 'goods_pass',
  viewPermission: 'goods_pass.view',
  load: async (ex, id) => (await ex.select().from(goodsPasses).where(eq(goodsPasses.ticketId, id)))[0] ?? null,
  save: async (ex, id, patch) => {
    await ex.update(goodsPasses).set(patch).where(eq(goodsPasses.ticketId, id));
  },
  canSee: (p, ticket) => canSeeGoodsPass(p, ticket),
  whoMay: (action) => ((goodsPassActions as readonly string[]).includes(action) ? goodsPassRules[action as GoodsPassAction].who : null),
  async decide({ tx, p, ticket, row, action, body, policy, now }): Promise<ActionOutcome<GoodsPassPatch>> {
    const command = { ...(body as Record<string, unknown>), action } as GoodsPassCommand;
    const needsArrears = action === 'issue' || action === 'override';
    const owed = needsArrears ? (await householdArrears(tx, ticket.roomId)).owedCents : 0;
    const d = decideGoodsPass(toGoodsPass(ticket, row), command, {
      actor: p,
      isSecurity: isSecurity(p),
      arrearsOwedCents: owed,
      policy: policy.goodsPass,
      now,
    });
    const rowPatch: GoodsPassPatch = {};
    switch (command.action) {
      case 'issue': {
        const id = d.patch.identity!;
        Object.assign(rowPatch, {
          applicantName: id.applicantName,
          applicantRelation: id.relation,
          idType: id.idType,
          idLast4: id.idLast4,
          authorisation: id.authorisation,
          validUntil: d.patch.validUntil,
          issuedAt: now,
          issuedById: p.id,
          issuedByName: p.name,
          arrearsAtIssueCents: owed,
        });
        break;
      }
      case 'override':
        Object.assign(rowPatch, { overrideReason: d.patch.overrideReason, overrideById: p.id, overrideByName: p.name, overrideAt: now });
        break;
      case 'release':
        if (d.to === 'released') {
          Object.assign(rowPatch, { releasedAt: now, releasedById: p.id, releasedByName: p.name, gateNote: command.note?.trim() || null });
        } else rowPatch.endedAt = now;
        break;
      case 'return':
        if (d.to === 'returned') Object.assign(rowPatch, { returnedAt: now, returnReason: command.reason.trim() });
        else rowPatch.endedAt = now;
        break;
      case 'expire':
      case 'cancel':
        rowPatch.endedAt = now;
        break;
    }
    return {
      to: d.to,
      ticket: ends.includes(d.to) ? { closedAt: now } : {},
      row: rowPatch,
      event: d.event,
      cancel: d.cancel,
      schedule: d.schedule,
      notices: d.notices,
      ...(d.refusal ? { refusal: d.refusal } : {}),
    };
  },
  async fireTimer({ ticket, row, timer }) {
    const fired = fireGoodsPassTimer(toGoodsPass(ticket, row), { kind: timer.kind as GoodsPassTimerKind });
    if (!fired.isRelevant || !fired.to || !fired.event) return moot;
    // The expiry is the pass's own action, run by the system: its rules, history and notices.
    return { isRelevant: true, event: null, cancel: [], schedule: [], notices: [], systemAction: 'expire' };
  },
};
