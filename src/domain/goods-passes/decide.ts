import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, type DomainError, type FieldIssue, forbidden, invalid } from '../shared/errors.js';
import { type ApplicantRelation, applicantRelations, type GoodsPassStatus, goodsPassRules, type IdType, idTypes } from './machine.js';
import type { GoodsPassPolicy } from './policy.js';

/** One line of the goods list (物品名称 · 数量 · 备注). */
export interface GoodsItem {
  name: string;
  quantity: number;
  note?: string | undefined;
}

/** Who applied, as the desk checked it: never a full ID number, only its last digits. */
export interface Identity {
  applicantName: string;
  relation: ApplicantRelation;
  idType: IdType;
  idLast4: string;
  /** How the owner authorised a delegate (授权书, 电话确认…); required for a delegate. */
  authorisation: string | null;
}

/** What the rules need to know of a pass. */
export interface GoodsPass {
  status: GoodsPassStatus;
  identity: Partial<Identity>;
  items: GoodsItem[];
  validUntil: Date | null;
  /** The CS supervisor's permission to release despite arrears. */
  overrideReason: string | null;
  releasedAt: Date | null;
  releasedByName: string | null;
}

export type GoodsPassCommand =
  | { action: 'issue'; identity?: Partial<Identity> | undefined }
  | { action: 'override'; reason: string }
  | { action: 'release'; note?: string | undefined }
  | { action: 'return'; reason: string }
  | { action: 'expire' }
  | { action: 'cancel'; reason: string };

export const goodsPassTimerKinds = ['pass_expiry'] as const;
export type GoodsPassTimerKind = (typeof goodsPassTimerKinds)[number];

export interface GoodsPassNotice {
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

export interface GoodsPassDecision {
  to: GoodsPassStatus;
  patch: Partial<GoodsPass> & { identity?: Identity };
  event: { type: string; data: Record<string, unknown> };
  schedule: { kind: GoodsPassTimerKind; dueAt: Date; level: number }[];
  cancel: GoodsPassTimerKind[];
  notices: GoodsPassNotice[];
  /** Set when the attempt is refused but what it found must be stored (a pass past its time expires). */
  refusal?: DomainError;
}

export interface GoodsPassContext {
  actor: Actor;
  /** Whether the acting person works in security (the gate). */
  isSecurity: boolean;
  /** What the household owes now (for issuing), in cents. */
  arrearsOwedCents: number;
  policy: GoodsPassPolicy;
  now: Date;
}

const fieldError = (field: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field, message: { zh, en } }]);

function requireText(field: string, value: string | null | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) throw fieldError(field, `请填写${zh}`, `${en} is required`);
}

/** 证件号只记后几位: a full ID number is refused, so it is never stored. */
const idTailPattern = /^[0-9A-Za-z]{4,6}$/;

/** The identity the desk checked, complete and without a full ID number, or field errors. */
export function checkIdentity(identity: Partial<Identity>): Identity {
  const issues: FieldIssue[] = [];
  const need = (field: keyof Identity, zh: string, en: string) =>
    issues.push({ field: `identity.${field}`, message: { zh: `请填写${zh}`, en: `${en} is required` } });
  if (!identity.applicantName?.trim()) need('applicantName', '申请人姓名', 'Applicant name');
  if (!identity.relation || !applicantRelations.includes(identity.relation)) need('relation', '申请人身份', 'Relation to the household');
  if (!identity.idType || !idTypes.includes(identity.idType)) need('idType', '证件类型', 'ID type');
  if (!identity.idLast4?.trim()) need('idLast4', '证件号后4位', 'Last digits of the ID');
  else if (!idTailPattern.test(identity.idLast4.trim())) {
    issues.push({
      field: 'identity.idLast4',
      message: { zh: '只记录证件号后4至6位，不要填写完整证件号', en: 'Record only the last 4 to 6 characters, never the full ID number' },
    });
  }
  if (identity.relation === 'delegate' && !identity.authorisation?.trim()) {
    issues.push({
      field: 'identity.authorisation',
      message: { zh: '受托人须有业主授权（授权书或电话确认）', en: "A delegate needs the owner's authorisation (letter or call)" },
    });
  }
  if (issues.length > 0) throw invalid('identity_incomplete', { zh: '请核实申请人身份', en: "Check the applicant's identity" }, issues);
  return {
    applicantName: identity.applicantName!.trim(),
    relation: identity.relation!,
    idType: identity.idType!,
    idLast4: identity.idLast4!.trim().toUpperCase(),
    authorisation: identity.authorisation?.trim() || null,
  };
}

/** The goods list: at least one line, each named with a whole quantity. */
export function checkItems(items: GoodsItem[]): GoodsItem[] {
  if (items.length === 0) throw fieldError('items', '请至少填写一件物品', 'List at least one item');
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    if (!item.name?.trim()) issues.push({ field: `items.${i}.name`, message: { zh: '请填写物品名称', en: 'Name the item' } });
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      issues.push({ field: `items.${i}.quantity`, message: { zh: '数量须为正整数', en: 'Quantity must be a whole number above 0' } });
    }
  });
  if (issues.length > 0) throw invalid('invalid_items', { zh: '物品清单有误', en: 'The goods list has errors' }, issues);
  return items.map((i) => ({ name: i.name.trim(), quantity: i.quantity, ...(i.note?.trim() ? { note: i.note.trim() } : {}) }));
}

/** What the gate finds when it looks a pass up: whether it may go, and if not why. */
export type GateVerdict = 'valid' | 'used' | 'expired' | 'returned' | 'not_issued' | 'cancelled';

export function gateVerdict(pass: Pick<GoodsPass, 'status' | 'validUntil'>, now: Date): GateVerdict {
  switch (pass.status) {
    case 'issued':
      return pass.validUntil && now.getTime() >= pass.validUntil.getTime() ? 'expired' : 'valid';
    case 'released':
      return 'used';
    case 'applied':
      return 'not_issued';
    default:
      return pass.status;
  }
}

/** The gate's refusal of a pass that may not go, in words the guard can say. */
function gateRefusal(pass: GoodsPass, verdict: Exclude<GateVerdict, 'valid'>): DomainError {
  switch (verdict) {
    case 'used':
      return conflict('pass_used', {
        zh: `该放行条已使用${pass.releasedByName ? `（${pass.releasedByName}已放行）` : ''}，不得重复放行`,
        en: `This pass has already been used${pass.releasedByName ? ` (released by ${pass.releasedByName})` : ''}`,
      });
    case 'expired':
      return conflict('pass_expired', {
        zh: '该放行条已过期，请到客服前台重新办理',
        en: 'This pass has expired: back to the desk for a new one',
      });
    case 'returned':
      return conflict('pass_returned', { zh: '该放行条已被退回前台', en: 'This pass was sent back to the desk' });
    case 'not_issued':
      return conflict('pass_not_issued', { zh: '该申请尚未开具放行条', en: 'No pass has been issued for this application yet' });
    case 'cancelled':
      return conflict('pass_cancelled', { zh: '该放行条已作废', en: 'This pass was cancelled' });
  }
}

const yuanText = (cents: number) => (cents / 100).toFixed(2);

/**
 * Checks whether `ctx.actor` may take `command` on `pass` now, and if so what follows. Throws a
 * DomainError when refused; a release of a pass past its time expires it and returns the refusal.
 */
export function decideGoodsPass(pass: GoodsPass, command: GoodsPassCommand, ctx: GoodsPassContext): GoodsPassDecision {
  const rule = goodsPassRules[command.action];
  const { actor, now, policy } = ctx;
  if (!rule.who.includes(actor.role)) throw forbidden();
  if ((command.action === 'release' || command.action === 'return') && !ctx.isSecurity) {
    throw forbidden('not_security', { zh: '只有保安部可以放行', en: 'Only security staff work the gate' });
  }
  if (command.action === 'cancel' && actor.role === 'resident' && pass.status !== 'applied') {
    throw conflict('already_issued', { zh: '放行条已开具，请到前台作废', en: 'The pass is issued: the desk can cancel it' });
  }
  if (command.action === 'release' || command.action === 'return') {
    const verdict = gateVerdict(pass, now);
    if (verdict === 'expired' && pass.status === 'issued') {
      // The timer may not have run yet: the gate finds it out of time, so it expires now.
      return {
        to: 'expired',
        patch: {},
        event: { type: 'PassExpired', data: { validUntil: pass.validUntil?.toISOString() ?? null, atGate: true } },
        schedule: [],
        cancel: ['pass_expiry'],
        notices: [],
        refusal: gateRefusal(pass, 'expired'),
      };
    }
    if (verdict !== 'valid') throw gateRefusal(pass, verdict);
  }
  if (!rule.from.includes(pass.status)) {
    throw conflict('invalid_transition', {
      zh: `放行条当前状态不允许此操作（${pass.status}）`,
      en: `This action is not allowed while the pass is ${pass.status}`,
    });
  }
  const d: GoodsPassDecision = {
    to: rule.to === 'same' ? pass.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  switch (command.action) {
    case 'issue': {
      const identity = checkIdentity({ ...pass.identity, ...(command.identity ?? {}) });
      checkItems(pass.items);
      // 核查费用缴纳情况: arrears block the pass unless the CS supervisor allowed it.
      if (ctx.arrearsOwedCents > 0 && !pass.overrideReason) {
        throw conflict('arrears_outstanding', {
          zh: `该户欠费 ¥${yuanText(ctx.arrearsOwedCents)}，须缴清或经客服主管审批后方可开具放行条`,
          en: `The household owes ¥${yuanText(ctx.arrearsOwedCents)}: it must pay, or the CS supervisor must allow the pass`,
        });
      }
      const validUntil = addMinutes(now, policy.validHours * 60);
      d.patch = { identity, validUntil };
      d.schedule = [{ kind: 'pass_expiry', dueAt: validUntil, level: 0 }];
      d.event.data = {
        applicantName: identity.applicantName,
        relation: identity.relation,
        idType: identity.idType,
        idLast4: identity.idLast4,
        arrearsOwedCents: ctx.arrearsOwedCents,
        isOverridden: pass.overrideReason !== null,
        validUntil: validUntil.toISOString(),
      };
      break;
    }
    case 'override':
      requireText('reason', command.reason, '审批理由', 'Reason');
      d.patch = { overrideReason: command.reason.trim() };
      d.event.data = { reason: command.reason.trim(), arrearsOwedCents: ctx.arrearsOwedCents };
      break;
    case 'release':
      d.patch = { releasedAt: now, releasedByName: actor.name };
      d.cancel = ['pass_expiry'];
      d.event.data = { note: command.note?.trim() || null, guardName: actor.name };
      break;
    case 'return':
      requireText('reason', command.reason, '退回原因', 'Reason');
      d.cancel = ['pass_expiry'];
      d.event.data = { reason: command.reason.trim(), guardName: actor.name };
      d.notices.push({ roles: ['clerk'], userIds: [], title: { zh: '门岗退回了一张放行条', en: 'The gate sent a pass back to the desk' } });
      break;
    case 'expire':
      if (pass.validUntil && now.getTime() < pass.validUntil.getTime()) {
        throw conflict('not_yet_expired', { zh: '放行条尚在有效期内', en: 'The pass is still valid' });
      }
      d.cancel = ['pass_expiry'];
      d.event.data = { validUntil: pass.validUntil?.toISOString() ?? null };
      break;
    case 'cancel':
      requireText('reason', command.reason, '作废原因', 'Reason');
      d.cancel = ['pass_expiry'];
      d.event.data = { reason: command.reason.trim() };
      break;
  }
  return d;
}

/** What a due expiry timer does to the pass as it stands now: an unused pass expires. */
export function fireGoodsPassTimer(
  pass: Pick<GoodsPass, 'status' | 'validUntil'>,
  timer: { kind: GoodsPassTimerKind },
): { isRelevant: boolean; to: GoodsPassStatus | null; event: { type: string; data: Record<string, unknown> } | null } {
  if (timer.kind !== 'pass_expiry' || pass.status !== 'issued') return { isRelevant: false, to: null, event: null };
  return { isRelevant: true, to: 'expired', event: { type: 'PassExpired', data: { validUntil: pass.validUntil?.toISOString() ?? null } } };
}

export interface NewGoodsPass {
  items: GoodsItem[];
  identity?: Partial<Identity> | undefined;
}

/** An application (the desk, or the resident ahead on the phone): the goods are listed, the identity may follow at issue. */
export function applyForGoodsPass(
  input: NewGoodsPass,
  actor: Actor,
): { pass: GoodsPass; event: { type: string; data: Record<string, unknown> } } {
  if (!['clerk', 'cs_supervisor', 'resident'].includes(actor.role)) throw forbidden();
  const items = checkItems(input.items);
  const identity = input.identity ?? {};
  if (identity.idLast4 && !idTailPattern.test(identity.idLast4.trim())) {
    throw fieldError(
      'identity.idLast4',
      '只记录证件号后4至6位，不要填写完整证件号',
      'Record only the last 4 to 6 characters, never the full ID number',
    );
  }
  return {
    pass: {
      status: 'applied',
      identity,
      items,
      validUntil: null,
      overrideReason: null,
      releasedAt: null,
      releasedByName: null,
    },
    event: { type: 'PassApplied', data: { items: items.length, byResident: actor.role === 'resident' } },
  };
}
