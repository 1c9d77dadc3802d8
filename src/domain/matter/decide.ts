import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { planVisit } from '../visit/due.js';
import type { VisitPolicy } from '../visit/policy.js';
import {
  type MatterDepartment,
  type MatterFlag,
  type MatterStatus,
  matterDepartments,
  matterRules,
  specialistSupervisors,
} from './machine.js';
import type { MatterPolicy } from './policy.js';

/** What the rules need to know of a matter. */
export interface Matter {
  status: MatterStatus;
  /** The desk person who took it (首问): follows it to the end, never changes. */
  ownerId: string;
  supervisorId: string | null;
  department: MatterDepartment | null;
  /** Who in the department accepted it. */
  handlerId: string | null;
  category: string;
  /** A major matter is visited at home. */
  isMajor: boolean;
  createdAt: Date;
  completedAt: Date | null;
  reopenCount: number;
  flags: MatterFlag[];
}

export type MatterCommand =
  | { action: 'send'; supervisorId: string; supervisorRole: Role }
  | { action: 'hand_over'; department: MatterDepartment; note?: string }
  | { action: 'decline'; reason: string }
  | { action: 'accept' }
  | { action: 'complete'; result: string }
  | { action: 'chase'; note: string }
  | { action: 'reopen'; reason: string }
  | { action: 'close'; note?: string }
  | { action: 'cancel'; reason: string };

export const matterTimerKinds = ['handover_due', 'completion_due'] as const;
export type MatterTimerKind = (typeof matterTimerKinds)[number];

export interface MatterTimerSpec {
  kind: MatterTimerKind;
  dueAt: Date;
  level: number;
}

export interface Notice {
  roles: Role[];
  userIds: string[];
  /** The head of this department (the caller knows who that is). */
  departmentHeadOf?: MatterDepartment;
  title: { zh: string; en: string };
}

export interface MatterDecision {
  to: MatterStatus;
  patch: Partial<Matter>;
  event: { type: string; data: Record<string, unknown> };
  schedule: MatterTimerSpec[];
  cancel: MatterTimerKind[];
  notices: Notice[];
  /** 返单后自动生成回访工单 [002]: the caller creates this visit task. */
  visitTask?: { ticketKind: 'matter'; dueAt: Date; isHomeVisitRequired: boolean };
}

export interface MatterContext {
  actor: Actor;
  /** The department the acting person works in, mapped to a matter department (finance, management… → 'other'). */
  actorDepartment: MatterDepartment | null;
  policy: MatterPolicy;
  visitPolicy: VisitPolicy;
  now: Date;
}

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) {
    throw invalid('required', { zh: `请填写${zh}`, en: `${en} is required` }, [
      { field, message: { zh: `请填写${zh}`, en: `${en} is required` } },
    ]);
  }
}

/**
 * Checks whether `ctx.actor` may take `command` on `matter` now, and if so what follows. Throws a
 * DomainError when the action is refused.
 */
export function decideMatter(matter: Matter, command: MatterCommand, ctx: MatterContext): MatterDecision {
  const rule = matterRules[command.action];
  const { actor, policy, now } = ctx;
  const role = actor.role;
  if (!rule.who.includes(role)) throw forbidden();
  if (rule.by === 'supervisor' && actor.id !== matter.supervisorId && role !== 'director') {
    throw forbidden('not_supervisor', { zh: '该报事未派给您', en: 'This matter was not sent to you' });
  }
  if (rule.by === 'department' && (matter.department === null || ctx.actorDepartment !== matter.department)) {
    throw forbidden('not_department', { zh: '该报事不属于您的部门', en: 'This matter is not for your department' });
  }
  if (!rule.from.includes(matter.status)) {
    throw conflict('invalid_transition', {
      zh: `报事当前状态不允许此操作（${matter.status}）`,
      en: `This action is not allowed while the matter is ${matter.status}`,
    });
  }

  const d: MatterDecision = {
    to: rule.to === 'same' || rule.to === 'decided' ? matter.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  const completionTimer = (): MatterTimerSpec => ({ kind: 'completion_due', dueAt: addMinutes(now, policy.completionMinutes), level: 0 });
  const handOverTimer = (): MatterTimerSpec => ({ kind: 'handover_due', dueAt: addMinutes(now, policy.handOverMinutes), level: 0 });

  switch (command.action) {
    case 'send':
      requireText('supervisorId', command.supervisorId, '专业主管', 'Supervisor');
      if (!specialistSupervisors.includes(command.supervisorRole)) {
        throw invalid('not_a_supervisor', { zh: '请选择专业主管', en: 'Send it to a specialist supervisor' }, [
          { field: 'supervisorId', message: { zh: '请选择专业主管', en: 'Send it to a specialist supervisor' } },
        ]);
      }
      d.patch.supervisorId = command.supervisorId;
      d.schedule = [handOverTimer()];
      d.event.data = { supervisorId: command.supervisorId };
      d.notices.push({ roles: [], userIds: [command.supervisorId], title: { zh: '有报事待您分派', en: 'A matter awaits your hand-over' } });
      break;
    case 'hand_over':
      if (!matterDepartments.includes(command.department)) {
        throw invalid('invalid_department', { zh: '部门无效', en: 'Unknown department' }, [
          { field: 'department', message: { zh: '部门无效', en: 'Unknown department' } },
        ]);
      }
      if (matter.status !== 'with_supervisor' && command.department === matter.department) {
        throw conflict('same_department', { zh: '已在该部门处理', en: 'The department already has it' });
      }
      d.patch.department = command.department;
      d.patch.handlerId = null;
      d.cancel = ['handover_due', 'completion_due'];
      d.schedule = [completionTimer()];
      d.event.data = { department: command.department, previous: matter.department, note: command.note ?? null };
      d.notices.push({
        roles: [],
        userIds: [],
        departmentHeadOf: command.department,
        title: { zh: '有报事派至贵部门', en: 'A matter was handed to your department' },
      });
      break;
    case 'decline':
      requireText('reason', command.reason, '退回原因', 'Reason');
      d.patch.department = null;
      d.patch.handlerId = null;
      d.cancel = ['completion_due'];
      d.schedule = [handOverTimer()];
      d.event.data = { reason: command.reason, department: matter.department };
      if (matter.supervisorId) {
        d.notices.push({
          roles: [],
          userIds: [matter.supervisorId],
          title: { zh: '部门退回了报事，请重新分派', en: 'A department declined a matter' },
        });
      }
      break;
    case 'accept':
      d.patch.handlerId = actor.id;
      d.event.data = { handlerId: actor.id, handlerName: actor.name, department: matter.department };
      break;
    case 'complete': {
      requireText('result', command.result, '处理结果', 'Result');
      const plan = planVisit('matter', matter.category, { isMajor: matter.isMajor }, now, ctx.visitPolicy);
      d.patch.completedAt = now;
      d.cancel = ['completion_due'];
      d.visitTask = { ticketKind: 'matter', dueAt: plan.dueAt, isHomeVisitRequired: plan.isHomeVisitRequired };
      d.event.data = { result: command.result, department: matter.department, visitDueAt: plan.dueAt.toISOString() };
      d.notices.push({
        roles: ['clerk'],
        userIds: [matter.ownerId],
        title: { zh: '报事已返单，待回访', en: 'A matter came back done: visit due' },
      });
      break;
    }
    case 'chase':
      requireText('note', command.note, '跟进说明', 'Note');
      d.event.data = { note: command.note };
      d.notices.push(
        matter.status === 'with_supervisor'
          ? {
              roles: [],
              userIds: matter.supervisorId ? [matter.supervisorId] : [],
              title: { zh: '前台跟催报事分派', en: 'The desk chases a matter' },
            }
          : {
              roles: [],
              userIds: [],
              departmentHeadOf: matter.department ?? 'other',
              title: { zh: '前台跟催报事处理', en: 'The desk chases a matter' },
            },
      );
      break;
    case 'reopen':
      // 回访不满意: back to the same department, to be accepted and done again.
      requireText('reason', command.reason, '原因', 'Reason');
      d.patch.handlerId = null;
      d.patch.completedAt = null;
      d.patch.reopenCount = matter.reopenCount + 1;
      d.schedule = [completionTimer()];
      d.event.data = { reason: command.reason, department: matter.department };
      d.notices.push({
        roles: [],
        userIds: [],
        departmentHeadOf: matter.department ?? 'other',
        title: { zh: '回访不满意，报事需重新处理', en: 'Unsatisfied visit: the matter is reopened' },
      });
      break;
    case 'close':
      d.event.data = { note: command.note ?? null };
      break;
    case 'cancel':
      requireText('reason', command.reason, '原因', 'Reason');
      d.cancel = [...matterTimerKinds];
      d.event.data = { reason: command.reason };
      break;
  }

  if (rule.clears && rule.clears.length > 0) {
    const clears = new Set<MatterFlag>(rule.clears);
    const kept = matter.flags.filter((f) => !clears.has(f));
    if (kept.length !== matter.flags.length) d.patch.flags = kept;
  }
  return d;
}

export interface NewMatter {
  category: string;
  content: string;
  isMajor?: boolean;
  /** Send it to the specialist supervisor at once, as the desk usually does. */
  sendTo?: { supervisorId: string; supervisorRole: Role };
}

/** The desk creates a matter; the person creating it follows it to the end. */
export function createMatter(
  input: NewMatter,
  ctx: MatterContext,
): { matter: Matter; events: { type: string; data: Record<string, unknown> }[]; schedule: MatterTimerSpec[]; notices: Notice[] } {
  if (ctx.actor.role !== 'clerk' && ctx.actor.role !== 'cs_supervisor') throw forbidden();
  requireText('content', input.content, '报事内容', 'Content');
  requireText('category', input.category, '类别', 'Category');
  const matter: Matter = {
    status: 'created',
    ownerId: ctx.actor.id,
    supervisorId: null,
    department: null,
    handlerId: null,
    category: input.category,
    isMajor: input.isMajor ?? false,
    createdAt: ctx.now,
    completedAt: null,
    reopenCount: 0,
    flags: [],
  };
  const created = { type: 'MatterCreated', data: { category: input.category, content: input.content, ownerId: ctx.actor.id } };
  if (!input.sendTo) return { matter, events: [created], schedule: [], notices: [] };
  const d = decideMatter(matter, { action: 'send', ...input.sendTo }, ctx);
  return { matter: { ...matter, ...d.patch, status: d.to }, events: [created, d.event], schedule: d.schedule, notices: d.notices };
}
