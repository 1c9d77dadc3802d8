import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { communityStaff, type IntakeFlag, type IntakeStatus, intakeOverseers, intakeRules } from './machine.js';
import type { IntakePolicy } from './policy.js';

export const channels = ['phone', 'walk_in', 'app', 'wechat', 'email', 'fax', 'mailbox'] as const;
export type Channel = (typeof channels)[number];
/** Contacts that arrive in writing get a written reply [003]. */
export const writtenChannels: readonly Channel[] = ['email', 'fax', 'mailbox'];

/** 报修 · 报事 · 投诉 · 建议 · 咨询 · 求助 · 紧急求援 · 有偿服务 */
export const intakeCategories = [
  'repair',
  'matter',
  'complaint',
  'suggestion',
  'consultation',
  'help',
  'emergency',
  'paid_service',
] as const;
export type IntakeCategory = (typeof intakeCategories)[number];

/**
 * 特别求助 [003]: life, property or public order at stake — the procedure's six, and what a duty desk
 * also meets every week (people trapped in a lift, a gas leak) or cannot name in advance.
 */
export const emergencyKinds = ['medical', 'theft', 'fight', 'robbery', 'flood', 'fire', 'lift_entrapment', 'gas_leak', 'other'] as const;
export type EmergencyKind = (typeof emergencyKinds)[number];

/** The tickets an entry can become; the caller creates the ticket and links it back. */
export type ReferredTicketKind = 'repair' | 'matter' | 'complaint';
/** Paid service follows the household repair procedure [003], as a paid repair order. */
export const ticketKindOf: Partial<Record<IntakeCategory, ReferredTicketKind>> = {
  repair: 'repair',
  matter: 'matter',
  complaint: 'complaint',
  paid_service: 'repair',
};
/** Categories the desk answers itself, within a reply time. */
export const replyCategories: readonly IntakeCategory[] = ['consultation', 'suggestion', 'help'];

export type ReplyMethod = 'in_person' | 'phone' | 'written' | 'message';

/** What the rules need to know of a duty-log entry. */
export interface IntakeEntry {
  status: IntakeStatus;
  channel: Channel;
  isWritten: boolean;
  category: IntakeCategory | null;
  emergencyKind: EmergencyKind | null;
  loggedAt: Date;
  /** 首问责任人: the person first asked; never changes. */
  firstOwnerId: string;
  /** Who answers for the entry now: the first owner, or the department head once escalated. */
  ownerId: string;
  /** The head of the first owner's department, resolved when the entry was logged. */
  departmentHeadId: string;
  isEscalated: boolean;
  escalationReason: 'overdue' | 'unsatisfied' | 'handed_up' | null;
  hasBeenUnsatisfied: boolean;
  /** Who took the emergency. */
  responderId: string | null;
  replyDueAt: Date | null;
  ticketKindToCreate: ReferredTicketKind | null;
  linkedTicket: { kind: ReferredTicketKind; id: string } | null;
  flags: IntakeFlag[];
}

export interface TriagePayload {
  category: IntakeCategory;
  emergencyKind?: EmergencyKind;
  /** A consultation answered there and then (oral only). */
  isAnsweredOnSpot?: boolean;
  answer?: string;
}

export type IntakeCommand =
  | ({ action: 'triage' } & TriagePayload)
  | { action: 'link_ticket'; ticketKind: ReferredTicketKind; ticketId: string }
  | { action: 'reply'; answer: string; method: ReplyMethod; isSatisfied: boolean; cause?: string; responsible?: string }
  | { action: 'escalate'; reason: string }
  | { action: 'acknowledge'; note?: string }
  | { action: 'resolve'; result: string; hasCalledAmbulance?: boolean; hasCalledPolice?: boolean }
  | { action: 'close'; result: string }
  | { action: 'void'; reason: string };

export const intakeTimerKinds = ['reply_due', 'emergency_ack'] as const;
export type IntakeTimerKind = (typeof intakeTimerKinds)[number];

export interface IntakeTimerSpec {
  kind: IntakeTimerKind;
  dueAt: Date;
  level: number;
}

export interface Notice {
  roles: Role[];
  userIds: string[];
  /** The on-duty staff nearest the place (the caller knows who is on duty and where). */
  isNearestOnDuty?: boolean;
  title: { zh: string; en: string };
}

export interface IntakeDecision {
  to: IntakeStatus;
  patch: Partial<IntakeEntry>;
  event: { type: string; data: Record<string, unknown> };
  schedule: IntakeTimerSpec[];
  cancel: IntakeTimerKind[];
  notices: Notice[];
  /** The caller creates a ticket of this kind and links it with `link_ticket`. */
  createTicket?: { kind: ReferredTicketKind; isPaid: boolean };
}

export interface IntakeContext {
  actor: Actor;
  policy: IntakePolicy;
  now: Date;
}

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) {
    throw invalid('required', { zh: `请填写${zh}`, en: `${en} is required` }, [
      { field, message: { zh: `请填写${zh}`, en: `${en} is required` } },
    ]);
  }
}

const isOverseer = (role: Role | 'system') => role === 'system' || intakeOverseers.includes(role);

/** How long the desk has to answer an entry of this category, counted from the contact. */
export function replyWindowMinutes(category: IntakeCategory, isWritten: boolean, policy: IntakePolicy): number {
  if (category === 'consultation') return isWritten ? policy.writtenReplyMinutes : policy.consultationReplyMinutes;
  if (category === 'suggestion') return policy.suggestionReplyMinutes;
  return policy.helpReplyMinutes;
}

/** A timer may be late, never in the past: an already-missed deadline fires at once. */
const notBefore = (dueAt: Date, now: Date): Date => (dueAt.getTime() < now.getTime() ? now : dueAt);

/**
 * Checks whether `ctx.actor` may take `command` on `entry` now, and if so what follows. Throws a
 * DomainError when the action is refused.
 */
export function decideIntake(entry: IntakeEntry, command: IntakeCommand, ctx: IntakeContext): IntakeDecision {
  const rule = intakeRules[command.action];
  const { actor, policy, now } = ctx;
  const role = actor.role;
  if (!rule.who.includes(role)) throw forbidden();
  const isOwn =
    rule.by === 'anyone' ||
    (rule.by === 'owner' && (actor.id === entry.ownerId || isOverseer(role))) ||
    (rule.by === 'responder' && (actor.id === entry.responderId || actor.id === entry.ownerId || isOverseer(role))) ||
    (rule.by === 'first_owner' && actor.id === entry.firstOwnerId);
  if (!isOwn) throw forbidden('not_owner', { zh: '该记录不由您负责', en: 'This entry is not yours' });
  if (!rule.from.includes(entry.status)) {
    throw conflict('invalid_transition', {
      zh: `记录当前状态不允许此操作（${entry.status}）`,
      en: `This action is not allowed while the entry is ${entry.status}`,
    });
  }

  const d: IntakeDecision = {
    to: rule.to === 'same' || rule.to === 'decided' ? entry.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  const toHead = (reason: NonNullable<IntakeEntry['escalationReason']>) => {
    d.patch.ownerId = entry.departmentHeadId;
    d.patch.isEscalated = true;
    d.patch.escalationReason = reason;
    d.notices.push({
      roles: [],
      userIds: [entry.departmentHeadId],
      title: { zh: '首问事项已转由您负责', en: 'A duty-log entry is now yours to answer' },
    });
  };

  switch (command.action) {
    case 'triage':
      triage(entry, command, ctx, d);
      break;
    case 'link_ticket':
      requireText('ticketId', command.ticketId, '工单号', 'Ticket');
      if (entry.linkedTicket) throw conflict('already_linked', { zh: '已关联工单', en: 'A ticket is already linked' });
      if (command.ticketKind !== entry.ticketKindToCreate) {
        throw invalid('wrong_ticket_kind', { zh: '工单类型与分类不符', en: 'The ticket kind differs from the triage' }, [
          { field: 'ticketKind', message: { zh: '工单类型与分类不符', en: 'The ticket kind differs from the triage' } },
        ]);
      }
      d.patch.linkedTicket = { kind: command.ticketKind, id: command.ticketId };
      d.event.data = { ticketKind: command.ticketKind, ticketId: command.ticketId };
      break;
    case 'reply':
      requireText('answer', command.answer, '答复内容', 'Answer');
      if (entry.isWritten && command.method !== 'written') {
        throw invalid('written_reply_required', { zh: '书面来函须书面答复', en: 'A written contact needs a written reply' }, [
          { field: 'method', message: { zh: '请书面答复', en: 'Reply in writing' } },
        ]);
      }
      d.event.data = { answer: command.answer, method: command.method, isSatisfied: command.isSatisfied };
      if (command.isSatisfied) {
        // 不满意 → 查明原因，追究有关负责人责任 [001]: closing after a dissatisfaction names both.
        if (entry.hasBeenUnsatisfied) {
          requireText('cause', command.cause, '不满意原因', 'Cause');
          requireText('responsible', command.responsible, '责任人', 'Responsible person');
          d.event.data = { ...d.event.data, cause: command.cause, responsible: command.responsible };
        }
        d.to = 'closed';
        d.cancel = ['reply_due'];
        d.patch.replyDueAt = null;
      } else {
        // 不满意 → 报有关部门主管领导 [001]; already there → the director hears of it.
        d.patch.hasBeenUnsatisfied = true;
        if (!entry.isEscalated) toHead('unsatisfied');
        else
          d.notices.push({
            roles: ['director'],
            userIds: [],
            title: { zh: '业户对答复仍不满意', en: 'The resident is still unsatisfied' },
          });
        const dueAt = addMinutes(now, policy.escalatedReplyMinutes);
        d.patch.replyDueAt = dueAt;
        d.cancel = ['reply_due'];
        d.schedule = [{ kind: 'reply_due', dueAt, level: 1 }];
      }
      break;
    case 'escalate':
      requireText('reason', command.reason, '原因', 'Reason');
      if (entry.isEscalated) throw conflict('already_escalated', { zh: '已转部门主管', en: 'Already with the department head' });
      toHead('handed_up');
      d.event.data = { reason: command.reason, to: entry.departmentHeadId };
      break;
    case 'acknowledge':
      d.patch.responderId = actor.id;
      d.cancel = ['emergency_ack'];
      d.event.data = { responderId: actor.id, responderName: actor.name, note: command.note ?? null };
      d.notices.push({
        roles: ['director'],
        userIds: [],
        title: { zh: `${actor.name}已赶赴处置紧急求援`, en: `${actor.name} took the emergency` },
      });
      break;
    case 'resolve':
      requireText('result', command.result, '处置结果', 'Result');
      d.event.data = {
        result: command.result,
        hasCalledAmbulance: command.hasCalledAmbulance ?? false,
        hasCalledPolice: command.hasCalledPolice ?? false,
      };
      break;
    case 'close':
      requireText('result', command.result, '办结情况', 'Result');
      if (!entry.linkedTicket) throw conflict('ticket_not_linked', { zh: '尚未关联工单', en: 'No ticket is linked yet' });
      d.event.data = { result: command.result, ticket: entry.linkedTicket };
      break;
    case 'void':
      requireText('reason', command.reason, '作废原因', 'Reason');
      d.cancel = [...intakeTimerKinds];
      d.patch.replyDueAt = null;
      d.event.data = { reason: command.reason };
      break;
  }

  if (rule.clears && rule.clears.length > 0) {
    const clears = new Set<IntakeFlag>(rule.clears);
    // A reply settles the lateness even when the resident is unsatisfied: a new deadline starts.
    const kept = entry.flags.filter((f) => !clears.has(f));
    if (kept.length !== entry.flags.length) d.patch.flags = kept;
  }
  return d;
}

function triage(entry: IntakeEntry, c: Extract<IntakeCommand, { action: 'triage' }>, ctx: IntakeContext, d: IntakeDecision): void {
  const { policy, now } = ctx;
  if (!(intakeCategoriesSet as Set<string>).has(c.category)) {
    throw invalid('invalid_category', { zh: '分类无效', en: 'Unknown category' }, [
      { field: 'category', message: { zh: '分类无效', en: 'Unknown category' } },
    ]);
  }
  if (entry.status === 'awaiting_reply' && c.category === entry.category) {
    throw conflict('same_category', { zh: '分类未改变', en: 'The category is unchanged' });
  }
  if (c.isAnsweredOnSpot && c.category !== 'consultation') {
    throw invalid('not_answerable_on_spot', { zh: '只有咨询可以当场答复办结', en: 'Only a consultation is closed on the spot' }, [
      { field: 'isAnsweredOnSpot', message: { zh: '只有咨询可以当场答复办结', en: 'Only a consultation is closed on the spot' } },
    ]);
  }
  if (c.category === 'emergency' && !c.emergencyKind) {
    throw invalid('required', { zh: '请选择紧急求援类型', en: 'The kind of emergency is required' }, [
      { field: 'emergencyKind', message: { zh: '请选择紧急求援类型', en: 'The kind of emergency is required' } },
    ]);
  }
  d.patch.category = c.category;
  d.patch.emergencyKind = c.category === 'emergency' ? (c.emergencyKind ?? null) : null;
  d.event.data = { category: c.category, emergencyKind: d.patch.emergencyKind, isAnsweredOnSpot: c.isAnsweredOnSpot ?? false };
  const leavesReply = entry.status === 'awaiting_reply';

  if (c.category === 'consultation' && c.isAnsweredOnSpot) {
    // 口头咨询当场解答 [003]; a letter needs a written reply, so it cannot be closed on the spot.
    if (entry.isWritten) {
      throw invalid('written_reply_required', { zh: '书面咨询须书面答复', en: 'A written consultation needs a written reply' }, [
        { field: 'isAnsweredOnSpot', message: { zh: '书面咨询须书面答复', en: 'A written consultation needs a written reply' } },
      ]);
    }
    requireText('answer', c.answer, '答复内容', 'Answer');
    d.to = 'closed';
    d.event.data.answer = c.answer;
    if (leavesReply) {
      d.cancel = ['reply_due'];
      d.patch.replyDueAt = null;
    }
    return;
  }

  if (replyCategories.includes(c.category)) {
    d.to = 'awaiting_reply';
    // Re-classified while a reply was already due: the deadline set at the first triage stands.
    if (leavesReply) return;
    const dueAt = addMinutes(entry.loggedAt, replyWindowMinutes(c.category, entry.isWritten, policy));
    d.patch.replyDueAt = dueAt;
    d.schedule = [{ kind: 'reply_due', dueAt: notBefore(dueAt, now), level: 0 }];
    d.event.data.replyDueAt = dueAt.toISOString();
    if (c.category === 'help') {
      d.notices.push({ roles: ['cs_supervisor'], userIds: [], title: { zh: '有业户求助待处理', en: 'A resident asked for help' } });
    }
    return;
  }

  if (leavesReply) {
    d.cancel = ['reply_due'];
    d.patch.replyDueAt = null;
  }

  if (c.category === 'emergency') {
    d.to = 'emergency';
    d.schedule = [{ kind: 'emergency_ack', dueAt: addMinutes(now, policy.emergencyAckMinutes), level: 0 }];
    const medical = c.emergencyKind === 'medical';
    const title = medical
      ? { zh: '紧急求援（急救病人）：请立即赶往现场，必要时拨打120', en: 'Emergency (medical): go now; call 120 if needed' }
      : {
          zh: `紧急求援（${emergencyZh[c.emergencyKind as EmergencyKind]}）：请立即赶往现场`,
          en: `Emergency (${c.emergencyKind}): go now`,
        };
    // 通知离求助地点最近的人员赶往现场，同时向主任汇报 [003].
    d.notices.push({ roles: [], userIds: [], isNearestOnDuty: true, title });
    d.notices.push({ roles: ['director'], userIds: [], title });
    return;
  }

  const kind = ticketKindOf[c.category] as ReferredTicketKind;
  d.to = 'referred';
  d.patch.ticketKindToCreate = kind;
  d.createTicket = { kind, isPaid: c.category === 'paid_service' };
  d.event.data.ticketKind = kind;
}

const intakeCategoriesSet = new Set<string>(intakeCategories);
const emergencyZh: Record<EmergencyKind, string> = {
  medical: '急救病人',
  theft: '盗窃',
  fight: '打架斗殴',
  robbery: '抢劫',
  flood: '水灾',
  fire: '火灾',
  lift_entrapment: '电梯困人',
  gas_leak: '燃气泄漏',
  other: '紧急情况',
};

export interface NewContact {
  channel: Channel;
  content: string;
  /** A letter handed over at the counter is written too; defaults from the channel. */
  isWritten?: boolean;
  /** The head of the logging person's department, who takes over on escalation. */
  departmentHeadId: string;
  /** Triage at once, as the desk usually does while the caller is still on the line. */
  triage?: TriagePayload;
}

export interface LoggedContact {
  entry: IntakeEntry;
  events: { type: string; data: Record<string, unknown> }[];
  schedule: IntakeTimerSpec[];
  notices: Notice[];
  createTicket?: { kind: ReferredTicketKind; isPaid: boolean };
}

/**
 * Logs a contact on the duty log. The person logging it is the person first asked and owns it
 * until it is closed (首问责任制 [001]).
 */
export function logContact(input: NewContact, ctx: IntakeContext): LoggedContact {
  const role = ctx.actor.role;
  if (role === 'system' || !communityStaff.includes(role)) throw forbidden();
  requireText('content', input.content, '来电来访内容', 'Content');
  requireText('departmentHeadId', input.departmentHeadId, '部门主管', 'Department head');
  const entry: IntakeEntry = {
    status: 'logged',
    channel: input.channel,
    isWritten: input.isWritten ?? writtenChannels.includes(input.channel),
    category: null,
    emergencyKind: null,
    loggedAt: ctx.now,
    firstOwnerId: ctx.actor.id,
    ownerId: ctx.actor.id,
    departmentHeadId: input.departmentHeadId,
    isEscalated: false,
    escalationReason: null,
    hasBeenUnsatisfied: false,
    responderId: null,
    replyDueAt: null,
    ticketKindToCreate: null,
    linkedTicket: null,
    flags: [],
  };
  const logged = {
    type: 'ContactLogged',
    data: { channel: entry.channel, isWritten: entry.isWritten, content: input.content, ownerId: ctx.actor.id },
  };
  if (!input.triage) return { entry, events: [logged], schedule: [], notices: [] };
  const d = decideIntake(entry, { action: 'triage', ...input.triage }, ctx);
  return {
    entry: { ...entry, ...d.patch, status: d.to },
    events: [logged, d.event],
    schedule: d.schedule,
    notices: d.notices,
    ...(d.createTicket ? { createTicket: d.createTicket } : {}),
  };
}
