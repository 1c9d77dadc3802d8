import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { isHomeVisitTimeAllowed, planVisit, type VisitFlags, type VisitTicketKind } from './due.js';
import { type VisitFlag, type VisitStatus, visitOverseers, visitRules } from './machine.js';
import type { VisitPolicy } from './policy.js';

export const visitMethods = ['phone', 'home', 'on_site'] as const;
export type VisitMethod = (typeof visitMethods)[number];
/** 满意 · 基本满意 · 不满意 */
export const visitOutcomes = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];
/** 核对收费情况 [004]. */
export type ChargeCheck = 'correct' | 'incorrect' | 'no_charge';
/** Who the visit is for: the desk's 100% visit, or a sampling duty [004]. */
export type VisitDuty = 'desk' | 'office' | 'engineering_head' | 'repairer';

/** What the rules need to know of a visit task. */
export interface VisitTask {
  status: VisitStatus;
  ticketKind: VisitTicketKind;
  ticketId: string;
  category: string;
  caseFlags: VisitFlags;
  isHomeVisitRequired: boolean;
  dueAt: Date;
  visitorId: string | null;
  duty: VisitDuty;
  /** Who did the work, to receive a rectification notice. */
  technicianId: string | null;
  appointmentAt: Date | null;
  /** 1 for the first visit, +1 for each visit after reprocessing. */
  round: number;
  lastOutcome: VisitOutcome | null;
  /** Set while a written rectification notice is owed to the technician. */
  rectificationDueAt: Date | null;
  flags: VisitFlag[];
}

export type VisitCommand =
  | { action: 'assign'; visitorId: string; duty: VisitDuty }
  | { action: 'book'; appointmentAt: Date }
  | {
      action: 'record';
      method: VisitMethod;
      outcome: VisitOutcome;
      chargeCheck: ChargeCheck;
      comment: string;
      signature?: string;
      /** Asked, never forced [003]. */
      hasRefusedToSign?: boolean;
      /** 不满意 → 表达歉意并记录 [001]. */
      apology?: string;
      problems?: string;
    }
  | { action: 'issue_rectification_notice'; technicianId: string; text: string }
  | { action: 'rework_done'; completedAt: Date }
  | { action: 'cancel'; reason: string };

export const visitTimerKinds = ['visit_due', 'rectification_due'] as const;
export type VisitTimerKind = (typeof visitTimerKinds)[number];

export interface VisitTimerSpec {
  kind: VisitTimerKind;
  dueAt: Date;
  level: number;
}

export interface Notice {
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

export interface VisitDecision {
  to: VisitStatus;
  patch: Partial<VisitTask>;
  event: { type: string; data: Record<string, unknown> };
  schedule: VisitTimerSpec[];
  cancel: VisitTimerKind[];
  notices: Notice[];
  /** Unsatisfied: the caller reopens this ticket for reprocessing. */
  reprocess?: { ticketKind: VisitTicketKind; ticketId: string };
}

export interface VisitContext {
  actor: Actor;
  policy: VisitPolicy;
  timezone: string;
  now: Date;
}

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) {
    throw invalid('required', { zh: `请填写${zh}`, en: `${en} is required` }, [
      { field, message: { zh: `请填写${zh}`, en: `${en} is required` } },
    ]);
  }
}

const notBefore = (dueAt: Date, now: Date): Date => (dueAt.getTime() < now.getTime() ? now : dueAt);

/**
 * Checks whether `ctx.actor` may take `command` on the visit task now, and if so what follows.
 * Throws a DomainError when the action is refused.
 */
export function decideVisit(task: VisitTask, command: VisitCommand, ctx: VisitContext): VisitDecision {
  const rule = visitRules[command.action];
  const { actor, policy, now } = ctx;
  const role = actor.role;
  if (!rule.who.includes(role)) throw forbidden();
  if (rule.by === 'visitor') {
    const isOverseer = role !== 'system' && visitOverseers.includes(role);
    const isTheirs = task.visitorId === null ? role !== 'technician' : task.visitorId === actor.id;
    if (!isOverseer && !isTheirs) throw forbidden('not_visitor', { zh: '该回访未分配给您', en: 'This visit is not assigned to you' });
  }
  if (!rule.from.includes(task.status)) {
    throw conflict('invalid_transition', {
      zh: `回访当前状态不允许此操作（${task.status}）`,
      en: `This action is not allowed while the visit is ${task.status}`,
    });
  }

  const d: VisitDecision = {
    to: rule.to === 'same' || rule.to === 'decided' ? task.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };

  switch (command.action) {
    case 'assign':
      requireText('visitorId', command.visitorId, '回访人', 'Visitor');
      d.patch.visitorId = command.visitorId;
      d.patch.duty = command.duty;
      d.event.data = { visitorId: command.visitorId, duty: command.duty, previous: task.visitorId };
      d.notices.push({ roles: [], userIds: [command.visitorId], title: { zh: '您有一项回访任务', en: 'A follow-up visit is yours' } });
      break;
    case 'book':
      if (command.appointmentAt.getTime() <= now.getTime()) {
        throw invalid('appointment_in_past', { zh: '预约时间必须晚于现在', en: 'The appointment must be in the future' }, [
          { field: 'appointmentAt', message: { zh: '预约时间必须晚于现在', en: 'The appointment must be in the future' } },
        ]);
      }
      // 预约上门，晚上22:00后不得上门 [003].
      if (!isHomeVisitTimeAllowed(command.appointmentAt, policy, ctx.timezone)) {
        const text = {
          zh: `上门回访时间须在${policy.homeVisitEarliest}至${policy.homeVisitLatest}之间`,
          en: `Home visits are between ${policy.homeVisitEarliest} and ${policy.homeVisitLatest}`,
        };
        throw invalid('outside_visiting_hours', text, [{ field: 'appointmentAt', message: text }]);
      }
      d.patch.appointmentAt = command.appointmentAt;
      d.event.data = { appointmentAt: command.appointmentAt.toISOString(), previous: task.appointmentAt?.toISOString() ?? null };
      break;
    case 'record':
      record(task, command, ctx, d);
      break;
    case 'issue_rectification_notice':
      requireText('technicianId', command.technicianId, '维修人员', 'Technician');
      requireText('text', command.text, '整改内容', 'Notice');
      if (!task.rectificationDueAt)
        throw conflict('no_rectification_due', { zh: '没有待发的整改通知', en: 'No rectification notice is due' });
      d.patch.rectificationDueAt = null;
      d.cancel = ['rectification_due'];
      d.to = task.status === 'rectifying' ? 'closed' : task.status;
      d.event.data = { technicianId: command.technicianId, text: command.text, isLate: task.rectificationDueAt.getTime() < now.getTime() };
      d.notices.push({
        roles: [],
        userIds: [command.technicianId],
        title: { zh: '回访整改通知书', en: 'Rectification notice from a visit' },
      });
      break;
    case 'rework_done': {
      if (command.completedAt.getTime() > now.getTime()) {
        throw invalid('completed_in_future', { zh: '完成时间不能晚于现在', en: 'The work cannot be finished in the future' }, [
          { field: 'completedAt', message: { zh: '完成时间不能晚于现在', en: 'The work cannot be finished in the future' } },
        ]);
      }
      // 重新处理后再次回访，直至业主满意 [000].
      const plan = planVisit(task.ticketKind, task.category, task.caseFlags, command.completedAt, policy);
      d.patch.dueAt = plan.dueAt;
      d.patch.round = task.round + 1;
      d.patch.appointmentAt = null;
      d.cancel = ['visit_due'];
      d.schedule = [{ kind: 'visit_due', dueAt: notBefore(plan.dueAt, now), level: 0 }];
      d.event.data = { completedAt: command.completedAt.toISOString(), dueAt: plan.dueAt.toISOString(), round: task.round + 1 };
      break;
    }
    case 'cancel':
      requireText('reason', command.reason, '原因', 'Reason');
      d.cancel = [...visitTimerKinds];
      d.event.data = { reason: command.reason };
      break;
  }

  if (rule.clears && rule.clears.length > 0) {
    const clears = new Set<VisitFlag>(rule.clears);
    const kept = task.flags.filter((f) => !clears.has(f));
    if (kept.length !== task.flags.length) d.patch.flags = kept;
  }
  return d;
}

function record(task: VisitTask, c: Extract<VisitCommand, { action: 'record' }>, ctx: VisitContext, d: VisitDecision): void {
  requireText('comment', c.comment, '回访记录', 'Comment');
  if (c.method === 'home' && task.status !== 'booked') {
    throw conflict('home_visit_not_booked', { zh: '上门回访须先预约', en: 'Book a home visit with the resident first' });
  }
  if (task.isHomeVisitRequired && c.method !== 'home') {
    throw conflict('home_visit_required', { zh: '重大问题须预约上门回访', en: 'A major case is visited at home' });
  }
  const isInPerson = c.method !== 'phone';
  const hasSignature = Boolean(c.signature && c.signature.trim().length > 0);
  // 请被回访人签名 [004], never forced [003]: in person, a signature or a recorded refusal.
  if (isInPerson && hasSignature === Boolean(c.hasRefusedToSign)) {
    const text = { zh: '请业主签名，或记录业主拒绝签名', en: 'Get a signature, or record that the resident declined' };
    throw invalid('signature_required', text, [{ field: 'signature', message: text }]);
  }
  if (c.outcome === 'unsatisfied') requireText('apology', c.apology, '致歉及记录', 'Apology');

  const hasProblems = Boolean(c.problems && c.problems.trim().length > 0) || c.chargeCheck === 'incorrect';
  let rectificationDueAt = task.rectificationDueAt;
  if (hasProblems && !rectificationDueAt) {
    // 回访中发现的问题，24小时内书面通知维修人员整改 [004].
    rectificationDueAt = addMinutes(ctx.now, ctx.policy.rectificationNoticeHours * 60);
    d.patch.rectificationDueAt = rectificationDueAt;
    d.schedule.push({ kind: 'rectification_due', dueAt: rectificationDueAt, level: 0 });
    d.notices.push({
      roles: ['eng_supervisor'],
      userIds: [],
      title: { zh: '回访发现问题，须发整改通知', en: 'A visit found problems: a rectification notice is due' },
    });
  }
  d.cancel = ['visit_due'];
  d.patch.lastOutcome = c.outcome;
  d.event.data = {
    round: task.round,
    method: c.method,
    outcome: c.outcome,
    chargeCheck: c.chargeCheck,
    comment: c.comment,
    signature: isInPerson && hasSignature ? c.signature : null,
    hasRefusedToSign: isInPerson && !hasSignature,
    apology: c.apology ?? null,
    problems: c.problems ?? null,
    isLate: task.dueAt.getTime() < ctx.now.getTime(),
  };
  if (c.outcome === 'unsatisfied') {
    // 不满意 → 致歉、记录，按流程重新处理，再次回访 [000][001].
    d.to = 'reprocessing';
    d.reprocess = { ticketKind: task.ticketKind, ticketId: task.ticketId };
    d.notices.push({
      roles: task.ticketKind === 'repair' ? ['eng_supervisor', 'cs_supervisor'] : ['cs_supervisor'],
      userIds: [],
      title: { zh: '回访不满意，需重新处理', en: 'Unsatisfied visit: the case is reprocessed' },
    });
  } else {
    d.to = rectificationDueAt ? 'rectifying' : 'closed';
  }
}

export interface NewVisitTask {
  ticketKind: VisitTicketKind;
  ticketId: string;
  category: string;
  caseFlags?: VisitFlags;
  completedAt: Date;
  visitorId?: string | null;
  duty?: VisitDuty;
  technicianId?: string | null;
}

/** A visit task for a finished ticket, due by kind and category (see `planVisit`). */
export function createVisitTask(
  input: NewVisitTask,
  policy: VisitPolicy,
  now: Date,
): { task: VisitTask; schedule: VisitTimerSpec[]; event: { type: string; data: Record<string, unknown> } } {
  const caseFlags = input.caseFlags ?? {};
  const plan = planVisit(input.ticketKind, input.category, caseFlags, input.completedAt, policy);
  const task: VisitTask = {
    status: 'pending',
    ticketKind: input.ticketKind,
    ticketId: input.ticketId,
    category: input.category,
    caseFlags,
    isHomeVisitRequired: plan.isHomeVisitRequired,
    dueAt: plan.dueAt,
    visitorId: input.visitorId ?? null,
    duty: input.duty ?? 'desk',
    technicianId: input.technicianId ?? null,
    appointmentAt: null,
    round: 1,
    lastOutcome: null,
    rectificationDueAt: null,
    flags: [],
  };
  return {
    task,
    schedule: [{ kind: 'visit_due', dueAt: notBefore(plan.dueAt, now), level: 0 }],
    event: {
      type: 'VisitTaskCreated',
      data: { ticketKind: input.ticketKind, ticketId: input.ticketId, dueAt: plan.dueAt.toISOString(), rule: plan.rule },
    },
  };
}
