import { invalid } from '../../domain/shared/errors.js';
import { complaintKind } from './complaint-kind.js';
import type { TicketKind } from './kind.js';
import { contactKind } from './contact-kind.js';
import { goodsPassKind } from './goods-pass-kind.js';
import { hotWorkKind } from './hot-work-kind.js';
import { liaisonKind } from './liaison-kind.js';
import { matterKind } from './matter-kind.js';
import { parkingKind } from './parking-kind.js';
import { renovationKind } from './renovation-kind.js';
import { repairKind } from './repair-kind.js';
import { visitTaskKind } from './visit-tasks.js';

/**
 * Every kind of ticket the engine drives. Adding a kind is adding its rules, its table, its
 * adapter (a `TicketKind`) and one line here.
 */
const kinds: Record<string, TicketKind<never, never>> = {
  repair: repairKind as unknown as TicketKind<never, never>,
  complaint: complaintKind as unknown as TicketKind<never, never>,
  contact: contactKind as unknown as TicketKind<never, never>,
  matter: matterKind as unknown as TicketKind<never, never>,
  goods_pass: goodsPassKind as unknown as TicketKind<never, never>,
  liaison: liaisonKind as unknown as TicketKind<never, never>,
  renovation: renovationKind as unknown as TicketKind<never, never>,
  hot_work: hotWorkKind as unknown as TicketKind<never, never>,
  parking: parkingKind as unknown as TicketKind<never, never>,
};

export function kindOf(kind: string): TicketKind<unknown, Record<string, unknown>> {
  const k = kinds[kind];
  if (!k) throw invalid('unknown_kind', { zh: `未知的工单类型：${kind}`, en: `Unknown ticket kind: ${kind}` });
  return k as unknown as TicketKind<unknown, Record<string, unknown>>;
}

/** A follow-up visit's timers are fired by the visit module, whatever the ticket's kind. */
export const visitTimerKind = visitTaskKind as unknown as TicketKind<unknown, Record<string, unknown>>;
