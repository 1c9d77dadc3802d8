import type { Actor, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, type FieldIssue, forbidden, invalid } from '../shared/errors.js';
import { type HotWorkStatus, type HotWorkType, hotWorkRules, hotWorkTypes, rejectorsAt } from './machine.js';
import type { HotWorkPolicy } from './policy.js';
import { standardSafetyNotes } from './safety-notes.js';
import { windowIssues, windowPhase } from './window.js';

/** What the rules need to know of a permit. */
export interface HotWorkPermit {
  status: HotWorkStatus;
  windowStartAt: Date;
  windowEndAt: Date;
  csApprovedById: string | null;
  engineeringApprovedById: string | null;
  issuedAt: Date | null;
  lastInspectedAt: Date | null;
  inspectionCount: number;
}

export type HotWorkCommand =
  | { action: 'approve_cs'; note?: string | undefined }
  | { action: 'approve_engineering'; note?: string | undefined }
  | { action: 'reject'; reason: string }
  | { action: 'inspect'; findings: 'ok' | 'problem'; note?: string | undefined; stopWork?: boolean; resumeWork?: boolean }
  | { action: 'close'; isSiteSafe: boolean; hasNoEmbers: boolean; note?: string | undefined }
  | { action: 'cancel'; reason: string }
  | { action: 'start' }
  | { action: 'end' };

export const hotWorkTimerKinds = ['window_start', 'window_end', 'inspection_due'] as const;
export type HotWorkTimerKind = (typeof hotWorkTimerKinds)[number];

export interface HotWorkTimerSpec {
  kind: HotWorkTimerKind;
  dueAt: Date;
  level: number;
}

/** Who is told: roles of the community, named people, and (resolved by the caller) the security staff. */
export interface HotWorkNotice {
  roles: Role[];
  userIds: string[];
  security?: boolean;
  title: { zh: string; en: string };
}

export interface HotWorkDecision {
  to: HotWorkStatus;
  patch: Partial<HotWorkPermit> & { safetyNotes?: { zh: string; en: string }[] };
  event: { type: string; data: Record<string, unknown> };
  schedule: HotWorkTimerSpec[];
  cancel: HotWorkTimerKind[];
  notices: HotWorkNotice[];
}

export interface HotWorkContext {
  actor: Actor;
  /** The department the acting person works in ('security' for 保安部). */
  actorDepartment: string | null;
  policy: HotWorkPolicy;
  now: Date;
}

const fieldError = (issues: FieldIssue[]) =>
  invalid('invalid_field', issues[0]?.message ?? { zh: '填写有误', en: 'Invalid input' }, issues);

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (!value || value.trim().length === 0) throw fieldError([{ field, message: { zh: `请填写${zh}`, en: `${en} is required` } }]);
}

const inspectionReminder = (now: Date, policy: HotWorkPolicy, level = 0): HotWorkTimerSpec => ({
  kind: 'inspection_due',
  dueAt: addMinutes(now, policy.inspectionIntervalMinutes),
  level,
});

const hotWorkTimerKindsToStop: readonly HotWorkTimerKind[] = ['window_start', 'window_end', 'inspection_due'];

const securityNotice = (zh: string, en: string): HotWorkNotice => ({ roles: [], userIds: [], security: true, title: { zh, en } });

/**
 * Checks whether `ctx.actor` may take `command` on `permit` now, and if so what follows. Throws a
 * DomainError when the action is refused.
 */
export function decideHotWork(permit: HotWorkPermit, command: HotWorkCommand, ctx: HotWorkContext): HotWorkDecision {
  const rule = hotWorkRules[command.action];
  const { actor, policy, now } = ctx;
  const role = actor.role;
  if (!rule.who.includes(role)) throw forbidden();
  if (rule.security && role === 'department_staff' && ctx.actorDepartment !== 'security') {
    throw forbidden('not_security', { zh: '只有保安部可以执行此操作', en: 'Only security may do this' });
  }
  if (!rule.from.includes(permit.status)) {
    throw conflict('invalid_transition', {
      zh: `动火申请当前状态不允许此操作（${permit.status}）`,
      en: `This action is not allowed while the permit is ${permit.status}`,
    });
  }
  const d: HotWorkDecision = {
    to: rule.to === 'decided' ? permit.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };

  switch (command.action) {
    case 'approve_cs':
      d.patch.csApprovedById = actor.id;
      d.event.data = { note: command.note ?? null };
      d.notices.push({
        roles: ['eng_supervisor'],
        userIds: [],
        title: { zh: '有动火申请待工程部审批', en: 'A hot-work application awaits engineering approval' },
      });
      break;
    case 'approve_engineering': {
      const phase = windowPhase(permit.windowStartAt, permit.windowEndAt, now);
      if (phase === 'after') {
        throw conflict('window_passed', { zh: '申请的动火时段已过，请重新申请', en: 'The requested window is over: apply again' });
      }
      d.patch.engineeringApprovedById = actor.id;
      d.patch.issuedAt = now;
      d.patch.safetyNotes = standardSafetyNotes.map((n) => ({ ...n }));
      d.event.data = {
        note: command.note ?? null,
        windowStartAt: permit.windowStartAt.toISOString(),
        windowEndAt: permit.windowEndAt.toISOString(),
      };
      d.schedule.push({ kind: 'window_end', dueAt: permit.windowEndAt, level: 0 });
      d.notices.push({
        roles: ['clerk'],
        userIds: [],
        title: { zh: '动火许可已批准，请通知施工单位领证', en: 'Hot work approved: call the contractor to collect the permit' },
      });
      if (phase === 'during') {
        // Approved inside its own window: work may start at once.
        d.to = 'active';
        d.schedule.push(inspectionReminder(now, policy));
        d.notices.push(securityNotice('动火作业已开始，请前往巡查', 'Hot work has started: go and inspect'));
      } else {
        d.to = 'issued';
        d.schedule.push({ kind: 'window_start', dueAt: permit.windowStartAt, level: 0 });
        d.notices.push(securityNotice('已发放动火许可证，请按时段巡查', 'A hot-work permit was issued: inspect during its window'));
      }
      break;
    }
    case 'reject':
      if (!(rejectorsAt[permit.status] ?? []).includes(role as Role)) {
        throw forbidden('not_your_stage', { zh: '当前不在您的审批环节', en: 'This is not your review stage' });
      }
      requireText('reason', command.reason, '驳回原因', 'Reason');
      d.event.data = { reason: command.reason, stage: permit.status };
      d.notices.push({
        roles: ['clerk'],
        userIds: [],
        title: { zh: '动火申请被驳回，请告知施工单位', en: 'A hot-work application was rejected: tell the contractor' },
      });
      break;
    case 'inspect': {
      if (command.findings !== 'ok' && command.findings !== 'problem') {
        throw fieldError([{ field: 'findings', message: { zh: '请选择检查结果', en: 'Choose the findings' } }]);
      }
      if (command.findings === 'problem') requireText('note', command.note, '发现的问题', 'The problem found');
      if (command.stopWork && (command.findings !== 'problem' || permit.status !== 'active')) {
        throw fieldError([
          {
            field: 'stopWork',
            message: { zh: '只有动火中发现问题时才能停工', en: 'Stop work only on a problem found while work is under way' },
          },
        ]);
      }
      if (command.resumeWork && (command.findings !== 'ok' || permit.status !== 'suspended')) {
        throw fieldError([
          {
            field: 'resumeWork',
            message: { zh: '只有停工后检查合格才能复工', en: 'Resume only a stopped permit, on an inspection found in order' },
          },
        ]);
      }
      d.patch.lastInspectedAt = now;
      d.patch.inspectionCount = permit.inspectionCount + 1;
      d.cancel = ['inspection_due'];
      if (command.stopWork) {
        d.to = 'suspended';
        d.event.type = 'HotWorkSuspended';
        d.notices.push({
          roles: ['clerk', 'eng_supervisor'],
          userIds: [],
          title: { zh: '动火现场发现隐患，已责令停工', en: 'A hazard found on a hot-work site: work stopped' },
        });
      } else if (command.resumeWork) {
        d.to = 'active';
        d.event.type = 'HotWorkResumed';
        d.notices.push({ roles: ['clerk'], userIds: [], title: { zh: '动火作业整改合格，已复工', en: 'Hot work put right and resumed' } });
      }
      if (d.to === 'active') d.schedule = [inspectionReminder(now, policy)];
      d.event.data = { findings: command.findings, note: command.note ?? null };
      break;
    }
    case 'close':
      if (!command.isSiteSafe || !command.hasNoEmbers) {
        const issues: FieldIssue[] = [];
        if (!command.isSiteSafe) issues.push({ field: 'isSiteSafe', message: { zh: '须确认现场安全', en: 'Confirm the site is safe' } });
        if (!command.hasNoEmbers)
          issues.push({ field: 'hasNoEmbers', message: { zh: '须确认无遗留火种', en: 'Confirm no embers are left' } });
        throw invalid('completion_check_failed', { zh: '完工检查未通过，不能关闭', en: 'The completion check did not pass' }, issues);
      }
      d.cancel = [...hotWorkTimerKindsToStop];
      d.event.data = { isSiteSafe: true, hasNoEmbers: true, note: command.note ?? null };
      break;
    case 'cancel':
      requireText('reason', command.reason, '取消原因', 'Reason');
      d.cancel = [...hotWorkTimerKindsToStop];
      d.event.data = { reason: command.reason };
      break;
    case 'start':
      d.schedule = [inspectionReminder(now, policy)];
      d.notices.push(securityNotice('动火作业时段开始，请前往巡查', 'A hot-work window has begun: go and inspect'));
      break;
    case 'end':
      d.cancel = ['window_start', 'inspection_due'];
      d.event.data = { windowEndAt: permit.windowEndAt.toISOString() };
      d.notices.push(
        securityNotice('动火时段已结束，请完工检查并关闭许可证', 'A hot-work window is over: check the site and close the permit'),
        {
          roles: ['clerk'],
          userIds: [],
          title: { zh: '动火时段已结束，许可证尚未关闭', en: 'A hot-work window is over and its permit is not closed' },
        },
      );
      break;
  }
  return d;
}

/** The form 临时动火作业申请表 as the desk enters it. */
export interface HotWorkApplication {
  applicantCompany: string;
  personInCharge: string;
  personInChargePhone: string;
  operatorName: string;
  operatorCertificateNo: string;
  location: string;
  workType: HotWorkType;
  reason: string;
  windowStartAt: Date;
  windowEndAt: Date;
  extinguisherCount: number;
  fireWatcherName: string;
  hasClearedCombustibles: boolean;
}

/**
 * Checks an application (every missing or wrong field at once) and opens it for CS approval.
 * Throws a field-level DomainError listing every problem.
 */
export function applyForHotWork(
  form: HotWorkApplication,
  ctx: HotWorkContext,
): { permit: HotWorkPermit; event: { type: string; data: Record<string, unknown> }; notices: HotWorkNotice[] } {
  if (ctx.actor.role !== 'clerk' && ctx.actor.role !== 'cs_supervisor') throw forbidden();
  const issues: FieldIssue[] = [];
  const need = (field: keyof HotWorkApplication, zh: string, en: string) => {
    const v = form[field];
    if (typeof v !== 'string' || v.trim().length === 0) issues.push({ field, message: { zh: `请填写${zh}`, en: `${en} is required` } });
  };
  need('applicantCompany', '施工单位', 'Applicant company');
  need('personInCharge', '现场负责人', 'Person in charge');
  need('personInChargePhone', '负责人电话', 'Phone of the person in charge');
  need('operatorName', '动火操作人', 'Operator');
  need('operatorCertificateNo', '操作证编号', 'Certificate number');
  need('location', '动火地点', 'Location');
  need('reason', '动火原因', 'Reason');
  need('fireWatcherName', '监护人', 'Fire watcher');
  if (!hotWorkTypes.includes(form.workType))
    issues.push({ field: 'workType', message: { zh: '请选择作业类型', en: 'Choose the type of work' } });
  if (form.extinguisherCount < ctx.policy.minExtinguishers) {
    issues.push({
      field: 'extinguisherCount',
      message: {
        zh: `现场至少须配备${ctx.policy.minExtinguishers}具灭火器`,
        en: `At least ${ctx.policy.minExtinguishers} extinguishers are required`,
      },
    });
  }
  if (!form.hasClearedCombustibles) {
    issues.push({ field: 'hasClearedCombustibles', message: { zh: '须先清除周边可燃物', en: 'Combustibles must be cleared first' } });
  }
  issues.push(...windowIssues(form.windowStartAt, form.windowEndAt, ctx.now, ctx.policy));
  if (issues.length > 0) throw fieldError(issues);
  return {
    permit: {
      status: 'pending_cs',
      windowStartAt: form.windowStartAt,
      windowEndAt: form.windowEndAt,
      csApprovedById: null,
      engineeringApprovedById: null,
      issuedAt: null,
      lastInspectedAt: null,
      inspectionCount: 0,
    },
    event: {
      type: 'HotWorkApplied',
      data: {
        applicantCompany: form.applicantCompany,
        workType: form.workType,
        location: form.location,
        windowStartAt: form.windowStartAt.toISOString(),
        windowEndAt: form.windowEndAt.toISOString(),
      },
    },
    notices: [
      {
        roles: ['cs_supervisor', 'cs_manager'],
        userIds: [],
        title: { zh: '有动火申请待客服审批', en: 'A hot-work application awaits CS approval' },
      },
    ],
  };
}
