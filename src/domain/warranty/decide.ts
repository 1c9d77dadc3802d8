import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { type LiaisonFlag, type LiaisonStatus, liaisonRules } from './machine.js';
import type { WarrantyPolicy } from './policy.js';

/** What the rules need to know of a liaison form. */
export interface Liaison {
  status: LiaisonStatus;
  flags: LiaisonFlag[];
  itemCount: number;
  repairBy: Date | null;
}

export type ResidentSignature = 'signed' | 'refused';

export type LiaisonCommand =
  | { action: 'receive'; receiverName: string }
  | { action: 'reply'; plan: string; repairBy: Date }
  | { action: 'report_repaired'; note: string }
  | { action: 'record_visit'; signature: ResidentSignature; comment?: string }
  | { action: 'chase'; note: string }
  | { action: 'cancel'; reason: string };

export const liaisonTimerKinds = ['reply_due', 'repair_due'] as const;
export type LiaisonTimerKind = (typeof liaisonTimerKinds)[number];

export interface LiaisonTimerSpec {
  kind: LiaisonTimerKind;
  dueAt: Date;
  level: number;
}

export interface LiaisonNotice {
  roles: Role[];
  title: { zh: string; en: string };
}

export interface LiaisonDecision {
  to: LiaisonStatus;
  /** Fields of the form that change. */
  patch: {
    receiverName?: string;
    receivedAt?: Date;
    replyPlan?: string;
    repliedAt?: Date;
    repairBy?: Date;
    repairedNote?: string;
    repairedAt?: Date;
    residentSignature?: ResidentSignature;
    visitComment?: string | null;
    visitedAt?: Date;
    flags?: LiaisonFlag[];
  };
  event: { type: string; data: Record<string, unknown> };
  schedule: LiaisonTimerSpec[];
  cancel: LiaisonTimerKind[];
  notices: LiaisonNotice[];
}

export interface LiaisonContext {
  actor: Actor;
  policy: WarrantyPolicy;
  now: Date;
}

function requireText(field: string, value: string | undefined, zh: string, en: string): string {
  const v = value?.trim() ?? '';
  if (v.length === 0) {
    throw invalid('required', { zh: `请填写${zh}`, en: `${en} is required` }, [
      { field, message: { zh: `请填写${zh}`, en: `${en} is required` } },
    ]);
  }
  return v;
}

const hours = (h: number) => h * 60;
const office: Role[] = ['clerk', 'cs_supervisor'];

/** The first timer of a form just sent: the developer's reply is due within the policy's hours. */
export const replyTimer = (policy: WarrantyPolicy, now: Date): LiaisonTimerSpec => ({
  kind: 'reply_due',
  dueAt: addMinutes(now, hours(policy.developerReplyHours)),
  level: 0,
});

/** Checks whether `ctx.actor` may take `command` on the form now, and if so what follows. */
export function decideLiaison(form: Liaison, command: LiaisonCommand, ctx: LiaisonContext): LiaisonDecision {
  const rule = liaisonRules[command.action];
  const { actor, now } = ctx;
  if (!rule.who.includes(actor.role)) throw forbidden();
  if (!rule.from.includes(form.status)) {
    throw conflict('invalid_transition', {
      zh: `联系单当前状态不允许此操作（${form.status}）`,
      en: `This action is not allowed while the liaison form is ${form.status}`,
    });
  }
  const d: LiaisonDecision = {
    to: rule.to === 'same' ? form.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  switch (command.action) {
    case 'receive': {
      const receiverName = requireText('receiverName', command.receiverName, '签收人', 'Receiver');
      d.patch = { receiverName, receivedAt: now };
      d.event.data = { receiverName };
      d.notices.push({ roles: office, title: { zh: '开发商已签收工作联系单', en: 'The developer signed for a liaison form' } });
      break;
    }
    case 'reply': {
      const plan = requireText('plan', command.plan, '维修方案', 'Plan');
      if (Number.isNaN(command.repairBy.getTime()) || command.repairBy.getTime() <= now.getTime()) {
        const message = { zh: '完成日期须晚于现在', en: 'The repair date must be in the future' };
        throw invalid('repair_by_past', message, [{ field: 'repairBy', message }]);
      }
      d.patch = { replyPlan: plan, repliedAt: now, repairBy: command.repairBy };
      d.cancel = ['reply_due'];
      d.schedule = [{ kind: 'repair_due', dueAt: command.repairBy, level: 0 }];
      d.event.data = { plan, repairBy: command.repairBy.toISOString() };
      d.notices.push({ roles: office, title: { zh: '开发商已答复维修方案', en: 'The developer replied with a plan' } });
      break;
    }
    case 'report_repaired': {
      const note = requireText('note', command.note, '维修情况', 'Note');
      d.patch = { repairedNote: note, repairedAt: now };
      d.cancel = ['repair_due'];
      d.event.data = { note, isLate: form.repairBy !== null && now.getTime() > form.repairBy.getTime() };
      d.notices.push({ roles: office, title: { zh: '开发商报已修复，请安排回访', en: 'The developer reports it repaired: visit due' } });
      break;
    }
    case 'record_visit': {
      if (command.signature !== 'signed' && command.signature !== 'refused') {
        const message = { zh: '请选择住户签字情况', en: 'Say whether the resident signed' };
        throw invalid('signature', message, [{ field: 'signature', message }]);
      }
      if (command.signature === 'refused') requireText('comment', command.comment, '拒签原因', 'Reason for refusing');
      d.patch = { residentSignature: command.signature, visitComment: command.comment?.trim() || null, visitedAt: now };
      d.event.data = { signature: command.signature, comment: command.comment ?? null };
      break;
    }
    case 'chase': {
      const note = requireText('note', command.note, '跟催说明', 'Note');
      d.event.data = { note };
      d.notices.push({ roles: ['developer_liaison'], title: { zh: '物业跟催工作联系单', en: 'The office chases a liaison form' } });
      break;
    }
    case 'cancel': {
      const reason = requireText('reason', command.reason, '作废原因', 'Reason');
      d.cancel = ['reply_due', 'repair_due'];
      d.event.data = { reason };
      if (form.status !== 'awaiting_receipt') {
        d.notices.push({ roles: ['developer_liaison'], title: { zh: '工作联系单已作废', en: 'A liaison form was cancelled' } });
      }
      break;
    }
  }
  if (rule.clears && rule.clears.length > 0) {
    const clears = new Set<LiaisonFlag>(rule.clears);
    const kept = form.flags.filter((f) => !clears.has(f));
    if (kept.length !== form.flags.length) d.patch.flags = kept;
  }
  return d;
}

/** The office compiles a new form: at least one item; it goes to the developer at once and the reply clock starts. */
export function sendLiaison(
  itemCount: number,
  ctx: LiaisonContext,
): { status: LiaisonStatus; schedule: LiaisonTimerSpec[]; notices: LiaisonNotice[] } {
  if (!(['clerk', 'cs_supervisor', 'director'] as (Role | 'system')[]).includes(ctx.actor.role)) throw forbidden();
  if (itemCount < 1) {
    const message = { zh: '至少列一项维修问题', en: 'List at least one defect' };
    throw invalid('no_items', message, [{ field: 'items', message }]);
  }
  return {
    status: 'awaiting_receipt',
    schedule: [replyTimer(ctx.policy, ctx.now)],
    notices: [{ roles: ['developer_liaison'], title: { zh: '新的工作联系单待签收', en: 'A new liaison form awaits your receipt' } }],
  };
}
