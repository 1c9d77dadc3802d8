import type { Actor, Department, Role } from '../access/roles.js';
import { addMinutes } from '../shared/clock.js';
import { conflict, forbidden, invalid } from '../shared/errors.js';
import { rungAt, rungRole, rungTitle, topLevel } from './escalation.js';
import { type ComplaintStatus, complaintRules, type OverdueFlag } from './machine.js';
import type { ComplaintPolicy } from './policy.js';

/**
 * valid: management's own failure in service, fees, funds or maintenance · assisted: caused by the
 * developer, the outside environment or public facilities beyond our scope, we help · invalid:
 * anything else · collective: five or more households, the same event, the same time [003].
 */
export const complaintClasses = ['valid', 'assisted', 'invalid', 'collective'] as const;
export type ComplaintClass = (typeof complaintClasses)[number];

export const complaintChannels = [
  'phone',
  'walk_in',
  'on_site', // told to staff on their rounds
  'app',
  'wechat',
  'email',
  'fax',
  'mailbox', // 投诉信箱
  'letter',
  'follow_up_visit', // unsatisfied at the follow-up visit of an earlier complaint
] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
/** Channels that only carry written complaints. */
export const writtenChannels: readonly ComplaintChannel[] = ['email', 'fax', 'mailbox', 'letter'];

export type ComplaintForm = 'written' | 'oral';
export const replyMethods = ['home_visit', 'phone', 'written'] as const;
export type ReplyMethod = (typeof replyMethods)[number];
export type VisitOutcome = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export type ReferralParty = 'developer' | 'external' | 'department';

export interface Household {
  householdId: string;
  /** As the desk reads it: '3栋2单元501'. */
  label: string;
  /** The resident account of the household who may follow the complaint, if any. */
  residentId: string | null;
}

export interface Complainant {
  name: string;
  phone: string | null;
  residentId: string | null;
}

/** Staff fixed it on the spot and report it afterwards [003]. */
export interface OnSpotHandling {
  handledAt: Date;
  handledById: string;
  result: string;
}

export interface Referral {
  party: ReferralParty;
  department: Department;
  recipient: string;
  at: Date;
}

export interface ReplyRecord {
  method: ReplyMethod;
  hasWrittenCopy: boolean;
  at: Date;
}

/** What the rules need to know of a complaint. */
export interface Complaint {
  id: string;
  status: ComplaintStatus;
  complaintClass: ComplaintClass | null;
  isDeveloperCaused: boolean;
  /** Serious or urgent: the director reports to the manager at once [000][001]. */
  isSerious: boolean;
  /** Forwarded by the company complaint centre: the result goes back within 12 h [003]. */
  isForwarded: boolean;
  channel: ComplaintChannel;
  form: ComplaintForm;
  complainant: Complainant;
  households: Household[];
  /** The building or facility the complaint is about ('building:3', 'facility:east-gate'), if known. */
  placeKey: string | null;
  content: string;
  createdAt: Date;
  onSpot: OnSpotHandling | null;
  isOnSpotReportLate: boolean;
  classifiedAt: Date | null;
  agreedReplyAt: Date | null;
  referral: Referral | null;
  solvingDepartment: Department | null;
  resultSummary: string | null;
  signedOffById: string | null;
  signedOffAt: Date | null;
  incidentReportFiledAt: Date | null;
  reply: ReplyRecord | null;
  centreReportedAt: Date | null;
  /** 0 = with the handler; each rung of the policy chain above is one more. */
  escalationLevel: number;
  flags: OverdueFlag[];
  /** The earlier complaint whose result this one is unsatisfied with. */
  linkedFromId: string | null;
  mergedFromIds: string[];
  mergedIntoId: string | null;
  visitOutcome: VisitOutcome | null;
}

/** What the desk writes down when a complaint comes in (值班记录表 / 用户投诉记录 J-82). */
export interface ComplaintIntake {
  complainant: Complainant;
  households: Household[];
  placeKey: string | null;
  channel: ComplaintChannel;
  form: ComplaintForm;
  content: string;
  isForwarded: boolean;
  onSpot?: OnSpotHandling | null;
  linkedFromId?: string | null;
  mergedFromIds?: string[];
}

export type ComplaintCommand =
  | { action: 'classify'; complaintClass: ComplaintClass; reason: string; isSerious?: boolean; isDeveloperCaused?: boolean }
  | { action: 'contact'; agreedReplyAt: Date; note?: string }
  | { action: 'refer'; party: ReferralParty; department: Department; recipient: string; note: string }
  | { action: 'update_progress'; note: string }
  | { action: 'escalate'; reason: string }
  | { action: 'file_incident_report'; summary: string }
  | { action: 'record_result'; solvingDepartment: Department; summary: string }
  | { action: 'return_result'; reason: string }
  | { action: 'sign_off'; note?: string }
  | { action: 'reply'; method: ReplyMethod; hasWrittenCopy: boolean; summary: string; residentSignature?: string }
  | { action: 'report_to_centre'; summary: string }
  | { action: 'visit'; outcome: VisitOutcome; method: 'phone' | 'home_visit'; comment: string }
  | { action: 'merge'; intoComplaintId: string }
  | { action: 'withdraw'; reason: string };

export const timerKinds = [
  'classify_due',
  'contact_due',
  'referral_due',
  'reply_due',
  'progress_update_due',
  'escalation',
  'centre_report_due',
  'visit_due',
] as const;
export type TimerKind = (typeof timerKinds)[number];

export interface TimerSpec {
  kind: TimerKind;
  dueAt: Date;
  /** The escalation level the timer raises the complaint to (0 for deadlines). */
  level: number;
}

export interface Notice {
  /** Roles of the complaint's community (or company, for company-level roles) who are told, or specific people. */
  roles: Role[];
  userIds: string[];
  title: { zh: string; en: string };
}

export interface Decision {
  to: ComplaintStatus;
  patch: Partial<Complaint>;
  event: { type: string; data: Record<string, unknown> };
  schedule: TimerSpec[];
  /** Timer kinds to cancel before scheduling. */
  cancel: TimerKind[];
  notices: Notice[];
  /** An unsatisfied visit: the caller records this new complaint, linked to the old one. */
  successor?: ComplaintIntake;
}

export interface DecideContext {
  actor: Actor;
  /** True when the acting resident is the complainant or one of the complaining households. */
  isComplainant: boolean;
  /** The acting staff member's department, for signing a result off. */
  actorDepartment: Department | null;
  policy: ComplaintPolicy;
  now: Date;
}

export interface IntakeContext {
  actor: Actor;
  policy: ComplaintPolicy;
  now: Date;
}

export interface RecordedComplaint {
  complaint: Complaint;
  event: { type: string; data: Record<string, unknown> };
  schedule: TimerSpec[];
  notices: Notice[];
}

/** Classes whose result the solving department's head signs before the reply [000]. */
export const classesNeedingSignoff: readonly ComplaintClass[] = ['valid', 'assisted', 'collective'];
const allTimers: TimerKind[] = [...timerKinds];

const text = (zh: string, en: string) => ({ zh, en });

function requireText(field: string, value: string | undefined, zh: string, en: string): void {
  if (typeof value !== 'string' || value.trim().length === 0) {
    const message = text(`请填写${zh}`, `${en} is required`);
    throw invalid('required', message, [{ field, message }]);
  }
}

function mustBeOneOf<T extends string>(field: string, value: T, allowed: readonly T[], zh: string, en: string): void {
  if (!allowed.includes(value)) {
    const message = text(`${zh}无效`, `Invalid ${en}`);
    throw invalid('invalid_choice', message, [{ field, message }]);
  }
}

const distinctHouseholds = (households: readonly Household[]): number => new Set(households.map((h) => h.householdId)).size;

/** Everybody on the complainant's side with an account: progress updates go to them. */
function complainantUserIds(c: Pick<Complaint, 'complainant' | 'households'>): string[] {
  const ids = [c.complainant.residentId, ...c.households.map((h) => h.residentId)].filter((id): id is string => !!id);
  return [...new Set(ids)];
}

/**
 * Checks and records a new complaint: the first timers (classification, or for one handled on the
 * spot the 2 h reply) and whom to tell. `id` is the new complaint's id, chosen by the caller.
 */
export function recordComplaint(id: string, intake: ComplaintIntake, ctx: IntakeContext): RecordedComplaint {
  const { policy, now } = ctx;
  requireText('complainant.name', intake.complainant.name, '投诉人', 'Complainant');
  requireText('content', intake.content, '投诉内容', 'Complaint');
  if (intake.households.length === 0) {
    const message = text('请至少选择一户', 'At least one household is required');
    throw invalid('required', message, [{ field: 'households', message }]);
  }
  if (distinctHouseholds(intake.households) !== intake.households.length) {
    const message = text('同一户不能重复登记', 'A household is listed twice');
    throw invalid('duplicate_household', message, [{ field: 'households', message }]);
  }
  if (writtenChannels.includes(intake.channel) && intake.form !== 'written') {
    const message = text('信件、邮件、传真和投诉信箱的投诉为书面投诉', 'Letters, e-mail, fax and the mailbox carry written complaints');
    throw invalid('written_channel', message, [{ field: 'form', message }]);
  }
  const onSpot = intake.onSpot ?? null;
  if (onSpot) {
    requireText('onSpot.result', onSpot.result, '现场处理结果', 'On-the-spot result');
    if (onSpot.handledAt.getTime() > now.getTime()) {
      const message = text('处理时间不能晚于现在', 'The handling cannot be in the future');
      throw invalid('handled_in_future', message, [{ field: 'onSpot.handledAt', message }]);
    }
  }

  // Reported more than 1 h after fixing it on the spot: late, but still recorded [003].
  const isOnSpotReportLate = onSpot !== null && now.getTime() - onSpot.handledAt.getTime() > policy.onSpotReportMinutes * 60_000;
  const complaint: Complaint = {
    id,
    status: onSpot ? 'awaiting_reply' : 'recorded',
    complaintClass: null,
    isDeveloperCaused: false,
    isSerious: false,
    isForwarded: intake.isForwarded,
    channel: intake.channel,
    form: intake.form,
    complainant: intake.complainant,
    households: intake.households,
    placeKey: intake.placeKey,
    content: intake.content,
    createdAt: now,
    onSpot,
    isOnSpotReportLate,
    classifiedAt: null,
    agreedReplyAt: null,
    referral: null,
    solvingDepartment: null,
    resultSummary: null,
    signedOffById: null,
    signedOffAt: null,
    incidentReportFiledAt: null,
    reply: null,
    centreReportedAt: null,
    escalationLevel: 0,
    flags: [],
    linkedFromId: intake.linkedFromId ?? null,
    mergedFromIds: intake.mergedFromIds ?? [],
    mergedIntoId: null,
    visitOutcome: null,
  };

  const notices: Notice[] = [];
  let schedule: TimerSpec[];
  if (onSpot) {
    // The duty clerk replies within 2 h of the handling; never due before the report itself.
    const replyAt = addMinutes(onSpot.handledAt, policy.onSpotReplyMinutes);
    schedule = [{ kind: 'reply_due', dueAt: new Date(Math.max(replyAt.getTime(), now.getTime())), level: 0 }];
    notices.push({
      roles: ['clerk'],
      userIds: [],
      title: text('现场处理的投诉请在2小时内回复业户', 'Reply to a complaint handled on the spot'),
    });
    if (isOnSpotReportLate) {
      notices.push({
        roles: ['cs_supervisor'],
        userIds: [],
        title: text('现场处理的投诉超过1小时才上报', 'A complaint handled on the spot was reported late'),
      });
    }
  } else {
    schedule = [{ kind: 'classify_due', dueAt: addMinutes(now, policy.classifyMinutes), level: 0 }];
    notices.push({ roles: ['cs_supervisor'], userIds: [], title: text('有新的投诉待分类', 'A new complaint awaits classification') });
    if (distinctHouseholds(intake.households) >= policy.collectiveMinHouseholds) {
      notices.push({
        roles: ['cs_supervisor', 'director'],
        userIds: [],
        title: text('可能为集体投诉，请立即处理', 'Possibly a collective complaint: act at once'),
      });
    }
  }
  return {
    complaint,
    event: {
      type: 'ComplaintRecorded',
      data: {
        recordedBy: ctx.actor.id,
        channel: intake.channel,
        form: intake.form,
        households: intake.households.map((h) => h.householdId),
        isForwarded: intake.isForwarded,
        isOnSpot: onSpot !== null,
        isOnSpotReportLate,
        linkedFromId: complaint.linkedFromId,
        mergedFromIds: complaint.mergedFromIds,
      },
    },
    schedule,
    notices,
  };
}

/**
 * Checks whether `actor` may take `command` on `complaint` now, and if so what follows: the next
 * state, the changed fields, the event for the history, the timers to cancel and schedule, and
 * whom to tell. Throws a DomainError when the action is refused.
 */
export function decide(complaint: Complaint, command: ComplaintCommand, ctx: DecideContext): Decision {
  const rule = complaintRules[command.action];
  const role = ctx.actor.role as Role;
  if (!rule.who.includes(role)) throw forbidden();
  if (rule.complainantOnly && role === 'resident' && !ctx.isComplainant) throw forbidden();
  if (!rule.from.includes(complaint.status)) {
    throw conflict('invalid_transition', {
      zh: `投诉当前状态不允许此操作（${complaint.status}）`,
      en: `This action is not allowed while the complaint is ${complaint.status}`,
    });
  }

  const d: Decision = {
    to: rule.to === 'same' || rule.to === 'decided' ? complaint.status : rule.to,
    patch: {},
    event: { type: rule.event, data: {} },
    schedule: [],
    cancel: [],
    notices: [],
  };
  const { policy, now } = ctx;
  const cls = complaint.complaintClass;

  switch (command.action) {
    case 'classify': {
      mustBeOneOf('complaintClass', command.complaintClass, complaintClasses, '投诉类别', 'complaint class');
      requireText('reason', command.reason, '分类理由', 'Reason');
      const households = distinctHouseholds(complaint.households);
      if (command.complaintClass === 'collective' && households < policy.collectiveMinHouseholds) {
        const message = text(
          `集体投诉须有${policy.collectiveMinHouseholds}户或以上（现有${households}户）`,
          `A collective complaint needs ${policy.collectiveMinHouseholds} or more households (${households} listed)`,
        );
        throw invalid('too_few_households', message, [{ field: 'complaintClass', message }]);
      }
      const isDeveloperCaused = command.isDeveloperCaused ?? false;
      if (isDeveloperCaused && command.complaintClass !== 'assisted') {
        const message = text('开发商原因的投诉属协助处理投诉', 'A developer-caused complaint is an assisted one');
        throw invalid('developer_is_assisted', message, [{ field: 'isDeveloperCaused', message }]);
      }
      d.patch = {
        complaintClass: command.complaintClass,
        classifiedAt: now,
        isSerious: command.isSerious ?? false,
        isDeveloperCaused,
      };
      d.cancel = ['classify_due'];
      d.event.data = {
        complaintClass: command.complaintClass,
        reason: command.reason,
        isSerious: command.isSerious ?? false,
        isDeveloperCaused,
      };
      switch (command.complaintClass) {
        case 'valid':
          d.to = 'contacting';
          d.schedule = [{ kind: 'contact_due', dueAt: addMinutes(now, policy.contactMinutes), level: 0 }];
          break;
        case 'collective':
          d.to = 'contacting';
          d.schedule = [{ kind: 'contact_due', dueAt: addMinutes(now, policy.contactMinutes), level: 0 }];
          // The director at once, who informs the deputy GM and the company complaint centre [003].
          d.notices.push({
            roles: ['director', 'company_manager', 'complaint_centre'],
            userIds: [],
            title: text(
              '集体投诉：请主任立即联系业户并填写特别事故报告',
              'Collective complaint: the director contacts the households and files a special incident report',
            ),
          });
          break;
        case 'assisted':
          d.to = 'referring';
          d.schedule = [{ kind: 'referral_due', dueAt: addMinutes(now, policy.referralMinutes), level: 0 }];
          break;
        case 'invalid':
          d.to = 'awaiting_reply';
          d.schedule = [{ kind: 'reply_due', dueAt: addMinutes(now, policy.invalidReplyMinutes), level: 0 }];
          break;
      }
      if (command.isSerious && command.complaintClass !== 'collective') {
        d.notices.push({
          roles: ['director', 'company_manager'],
          userIds: [],
          title: text(
            '严重投诉：主任请立即向经理汇报并落实措施、责任人和期限',
            'Serious complaint: report to the manager with measures, owner and deadline',
          ),
        });
      }
      break;
    }
    case 'contact':
      // The director contacts the households of a collective complaint himself [003].
      if (cls === 'collective' && role !== 'director') {
        throw forbidden(
          'director_only',
          text('集体投诉须由管理处主任联系业户', 'The director contacts the households of a collective complaint'),
        );
      }
      if (!(command.agreedReplyAt instanceof Date) || Number.isNaN(command.agreedReplyAt.getTime()) || command.agreedReplyAt <= now) {
        const message = text('约定回复时间必须晚于现在', 'The agreed reply time must be in the future');
        throw invalid('reply_time_in_past', message, [{ field: 'agreedReplyAt', message }]);
      }
      d.patch.agreedReplyAt = command.agreedReplyAt;
      // Contact made: the clock that was climbing the ladder stops; a missed reply restarts it.
      d.cancel = ['contact_due', 'escalation'];
      d.schedule = [{ kind: 'reply_due', dueAt: command.agreedReplyAt, level: 0 }];
      d.event.data = { agreedReplyAt: command.agreedReplyAt.toISOString(), note: command.note ?? null };
      break;
    case 'refer': {
      mustBeOneOf('party', command.party, ['developer', 'external', 'department'], '转交对象', 'referral party');
      requireText('recipient', command.recipient, '接收部门或单位', 'Recipient');
      requireText('note', command.note, '书面报告内容', 'Written referral');
      if (complaint.isDeveloperCaused && command.party !== 'developer') {
        const message = text('开发商原因的投诉应转呈开发商', 'A developer-caused complaint is forwarded to the developer');
        throw invalid('refer_to_developer', message, [{ field: 'party', message }]);
      }
      const referral: Referral = { party: command.party, department: command.department, recipient: command.recipient, at: now };
      d.patch.referral = referral;
      d.cancel = ['referral_due', 'escalation'];
      d.schedule = [{ kind: 'progress_update_due', dueAt: addMinutes(now, policy.progressUpdateHours * 60), level: 0 }];
      d.event.data = { party: command.party, department: command.department, recipient: command.recipient, note: command.note };
      d.notices.push({
        roles: [],
        userIds: complainantUserIds(complaint),
        title: text('您的投诉已转交处理', 'Your complaint was referred'),
      });
      break;
    }
    case 'update_progress':
      requireText('note', command.note, '进展情况', 'Progress');
      d.event.data = { note: command.note };
      d.notices.push({ roles: [], userIds: complainantUserIds(complaint), title: text('投诉处理有新进展', 'News on your complaint') });
      if (cls === 'assisted') {
        d.cancel = ['progress_update_due'];
        d.schedule = [{ kind: 'progress_update_due', dueAt: addMinutes(now, policy.progressUpdateHours * 60), level: 0 }];
      }
      break;
    case 'escalate': {
      requireText('reason', command.reason, '上报原因', 'Reason');
      if (complaint.escalationLevel >= topLevel(policy)) {
        throw conflict('top_of_chain', text('已上报至最高一级', 'Already escalated to the top of the chain'));
      }
      const level = complaint.escalationLevel + 1;
      const rung = rungAt(policy, level);
      d.patch.escalationLevel = level;
      d.event.data = { fromLevel: complaint.escalationLevel, level, rung, reason: command.reason, byTimer: false };
      d.notices.push({
        roles: [rungRole[rung]],
        userIds: [],
        title: text(`投诉已提交${rungTitle[rung].zh}处理`, `A complaint was escalated to the ${rungTitle[rung].en}`),
      });
      break;
    }
    case 'file_incident_report':
      if (cls !== 'collective') {
        throw conflict(
          'not_collective',
          text('只有集体投诉需要特别事故报告', 'Only a collective complaint takes a special incident report'),
        );
      }
      if (complaint.incidentReportFiledAt) {
        throw conflict('already_filed', text('特别事故报告已填写', 'The special incident report is already filed'));
      }
      requireText('summary', command.summary, '事故报告内容', 'Report');
      d.patch.incidentReportFiledAt = now;
      d.event.data = { summary: command.summary };
      d.notices.push({ roles: ['complaint_centre'], userIds: [], title: text('收到特别事故报告', 'A special incident report was filed') });
      break;
    case 'record_result':
      requireText('summary', command.summary, '处理结果', 'Result');
      d.patch.solvingDepartment = command.solvingDepartment;
      d.patch.resultSummary = command.summary;
      d.event.data = { solvingDepartment: command.solvingDepartment, summary: command.summary };
      d.notices.push({
        roles: ['director'],
        userIds: [],
        title: text('投诉处理结果待解决部门负责人签认', 'A complaint result awaits the department head’s signature'),
      });
      break;
    case 'return_result':
      requireSigner(complaint, ctx);
      requireText('reason', command.reason, '退回原因', 'Reason');
      d.patch.resultSummary = null;
      d.event.data = { reason: command.reason };
      break;
    case 'sign_off':
      requireSigner(complaint, ctx);
      d.patch.signedOffById = ctx.actor.id;
      d.patch.signedOffAt = now;
      d.event.data = { department: complaint.solvingDepartment, signedBy: ctx.actor.name, note: command.note ?? null };
      d.notices.push({
        roles: ['clerk', 'cs_supervisor'],
        userIds: [],
        title: text('投诉处理结果已签认，请回复业户', 'Result signed: reply to the complainant'),
      });
      break;
    case 'reply':
      checkReply(complaint, command);
      d.patch.reply = { method: command.method, hasWrittenCopy: command.hasWrittenCopy || command.method === 'written', at: now };
      d.cancel = ['reply_due', 'progress_update_due', 'escalation'];
      d.schedule = [{ kind: 'visit_due', dueAt: addMinutes(now, policy.visitWithinHours * 60), level: 0 }];
      // Handling is complete once the complainant has the answer: the centre hears within 12 h [003].
      if (complaint.isForwarded && !complaint.centreReportedAt) {
        d.schedule.push({ kind: 'centre_report_due', dueAt: addMinutes(now, policy.forwardedReportHours * 60), level: 0 });
      }
      d.event.data = {
        method: command.method,
        hasWrittenCopy: command.hasWrittenCopy || command.method === 'written',
        summary: command.summary,
        residentSignature: command.residentSignature ?? null,
        isLate: complaint.flags.includes('reply_overdue'),
      };
      break;
    case 'report_to_centre':
      if (!complaint.isForwarded) {
        throw conflict('not_forwarded', text('该投诉不是公司投诉中心转来的', 'This complaint was not forwarded by the complaint centre'));
      }
      if (complaint.centreReportedAt) {
        throw conflict('already_reported', text('处理结果已报公司投诉中心', 'The result is already reported to the centre'));
      }
      requireText('summary', command.summary, '上报内容', 'Report');
      d.patch.centreReportedAt = now;
      d.cancel = ['centre_report_due'];
      d.event.data = { summary: command.summary };
      d.notices.push({
        roles: ['complaint_centre'],
        userIds: [],
        title: text('管理处报来投诉处理结果', 'An office reported a complaint result'),
      });
      break;
    case 'visit':
      mustBeOneOf('outcome', command.outcome, ['satisfied', 'basically_satisfied', 'unsatisfied'], '回访结果', 'visit outcome');
      mustBeOneOf('method', command.method, ['phone', 'home_visit'], '回访方式', 'visit method');
      if (command.outcome === 'unsatisfied')
        requireText('comment', command.comment, '不满意的原因', 'What the complainant is unsatisfied with');
      d.patch.visitOutcome = command.outcome;
      d.cancel = ['visit_due'];
      d.event.data = { outcome: command.outcome, method: command.method, comment: command.comment };
      if (command.outcome === 'unsatisfied') {
        // 业户对投诉处理意见不满的，按新的业户投诉处理 [003]: this one closes, a new one carries on.
        d.successor = {
          complainant: complaint.complainant,
          households: complaint.households,
          placeKey: complaint.placeKey,
          channel: 'follow_up_visit',
          form: 'oral',
          content: command.comment,
          isForwarded: complaint.isForwarded,
          linkedFromId: complaint.id,
        };
        d.notices.push({
          roles: ['cs_supervisor', 'director'],
          userIds: [],
          title: text('业户对投诉处理结果不满意，已按新投诉登记', 'Unsatisfied with the result: recorded as a new complaint'),
        });
      }
      break;
    case 'merge':
      requireText('intoComplaintId', command.intoComplaintId, '并入的集体投诉', 'Collective case');
      if (command.intoComplaintId === complaint.id) {
        const message = text('不能并入自身', 'A complaint cannot be merged into itself');
        throw invalid('merge_into_self', message, [{ field: 'intoComplaintId', message }]);
      }
      d.patch.mergedIntoId = command.intoComplaintId;
      d.cancel = allTimers;
      d.event.data = { intoComplaintId: command.intoComplaintId };
      break;
    case 'withdraw':
      requireText('reason', command.reason, '撤诉原因', 'Reason');
      d.cancel = allTimers;
      d.event.data = { reason: command.reason, byComplainant: role === 'resident' };
      break;
  }

  const clears = new Set<OverdueFlag>(complaintRules[command.action].clears ?? []);
  if (clears.size > 0) d.patch.flags = complaint.flags.filter((f) => !clears.has(f));
  return d;
}

/** The solving department's head signs (or sends back) the result; the director may for any [000]. */
function requireSigner(complaint: Complaint, ctx: DecideContext): void {
  if (ctx.actor.role === 'director') return;
  if (!complaint.solvingDepartment || ctx.actorDepartment !== complaint.solvingDepartment) {
    throw forbidden('not_solving_department', text('须由解决部门的负责人签认', 'The solving department’s head must sign'));
  }
}

/** The reply's method and paperwork, by class and by how the complaint came in [003]. */
function checkReply(complaint: Complaint, command: Extract<ComplaintCommand, { action: 'reply' }>): void {
  mustBeOneOf('method', command.method, replyMethods, '回复方式', 'reply method');
  requireText('summary', command.summary, '回复内容', 'Reply');
  const cls = complaint.complaintClass;
  if (cls && classesNeedingSignoff.includes(cls) && !complaint.signedOffAt) {
    throw conflict('not_signed_off', text('处理结果须先由解决部门负责人签认', 'The department head must sign the result first'));
  }
  if (cls === 'collective') {
    if (command.method !== 'home_visit') {
      const message = text('集体投诉必须上门回复', 'A collective complaint is answered by home visit only');
      throw invalid('home_visit_only', message, [{ field: 'method', message }]);
    }
    if (!complaint.incidentReportFiledAt) {
      throw conflict('incident_report_missing', text('请先填写特别事故报告', 'File the special incident report first'));
    }
  }
  // A written complaint is answered in writing and in another way as well [003].
  if (complaint.form === 'written') {
    if (command.method === 'written') {
      const message = text('书面投诉须同时上门或电话回复', 'A written complaint is also answered in person or by phone');
      throw invalid('second_reply_method_required', message, [{ field: 'method', message }]);
    }
    if (!command.hasWrittenCopy) {
      const message = text('书面投诉须同时书面回复', 'A written complaint also needs a written reply');
      throw invalid('written_reply_required', message, [{ field: 'hasWrittenCopy', message }]);
    }
  }
}
