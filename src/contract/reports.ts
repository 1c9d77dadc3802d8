import { z } from 'zod';
import { complaintClasses } from '../domain/complaint/decide.js';
import { reportKinds, reportStatuses } from '../domain/reports/machine.js';
import { periodPattern } from '../domain/reports/period.js';
import { isoDateTime } from './common.js';

export const reportKindEnum = z.enum(reportKinds);
export const reportStatusEnum = z.enum(reportStatuses);

const period = z.string().regex(periodPattern, 'YYYY-MM');

export const reportListQuery = z.object({
  communityId: z.uuid().optional(),
  period: period.optional(),
  kind: reportKindEnum.optional(),
  status: reportStatusEnum.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

/** Generate now: a month's reports of one community (missing ones are made, existing ones kept). */
export const generateReportsBody = z.object({ communityId: z.uuid(), period });
export type GenerateReportsBody = z.infer<typeof generateReportsBody>;

const text = (max: number) => z.string().max(max);
export const caseEntry = z.object({
  complaintId: z.uuid().nullable().default(null),
  title: text(200),
  cause: text(2000),
  correctiveAction: text(2000),
  preventiveAction: text(2000),
});
export const caseAnalysisBody = z.object({ summary: text(4000).default(''), cases: z.array(caseEntry).max(100).default([]) });
export type CaseAnalysisBody = z.infer<typeof caseAnalysisBody>;

const tallyRow = z.object({ key: z.string(), count: z.number().int() });

export const complaintFiguresView = z.object({
  period: z.string(),
  households: z.number().int(),
  received: z.number().int(),
  byClass: z.object({
    valid: z.number().int(),
    assisted: z.number().int(),
    invalid: z.number().int(),
    collective: z.number().int(),
    unclassified: z.number().int(),
  }),
  collectiveHouseholds: z.number().int(),
  byChannel: z.array(tallyRow),
  byDepartment: z.array(tallyRow),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  open: z.number().int(),
  onTimeRatePercent: z.number().nullable(),
  averageHandlingHours: z.number().nullable(),
  satisfaction: z.object({
    satisfied: z.number().int(),
    basicallySatisfied: z.number().int(),
    unsatisfied: z.number().int(),
    notVisited: z.number().int(),
    ratePercent: z.number().nullable(),
  }),
  complaintRatePercent: z.number().nullable(),
  targetRatePercent: z.number(),
  isWithinTarget: z.boolean().nullable(),
  repeat: z.number().int(),
  complaints: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      createdAt: isoDateTime,
      complaintClass: z.enum(complaintClasses).nullable(),
      channel: z.string(),
      department: z.string().nullable(),
      status: z.string(),
      isLate: z.boolean(),
      isRepeat: z.boolean(),
      content: z.string(),
    }),
  ),
});
export type ComplaintFiguresView = z.infer<typeof complaintFiguresView>;

/** The owner-visit summary's figures as the owner-visit feature reports them (业户访问月度汇总). */
export const ownerVisitFiguresView = z.object({
  communityId: z.string(),
  month: z.string(),
  isPlanned: z.boolean(),
  occupiedHouseholds: z.number().int(),
  quotaPercent: z.number(),
  quota: z.number().int(),
  done: z.number().int(),
  refused: z.number().int(),
  signed: z.number().int(),
  householdsVisited: z.number().int(),
  booked: z.number().int(),
  cancelled: z.number().int(),
  /** By visit method (home, office, outdoor, questionnaire, phone, other). */
  byMethod: z.record(z.string(), z.number().int()),
  issuesRaised: z.number().int(),
  issuesToRepair: z.number().int(),
  issuesToComplaint: z.number().int(),
  fulfilmentPercent: z.number(),
  isFulfilled: z.boolean(),
  byDay: z.array(z.object({ date: z.string(), done: z.number().int(), cumulative: z.number().int() })),
  summaryDueOn: z.string(),
});
export type OwnerVisitFiguresView = z.infer<typeof ownerVisitFiguresView>;

export const reportSummary = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  kind: reportKindEnum,
  period: z.string(),
  status: reportStatusEnum,
  dueAt: isoDateTime,
  isOverdue: z.boolean(),
  generatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  receivedAt: isoDateTime.nullable(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportList = z.object({ items: z.array(reportSummary), total: z.number().int() });

export const reportDetail = reportSummary.extend({
  /** Kind `complaints`: the month's complaint figures; null for the other kind. */
  complaintFigures: complaintFiguresView.nullable(),
  /** Kind `owner_visits`: the owner-visit summary; null for the other kind. */
  ownerVisitFigures: ownerVisitFiguresView.nullable(),
  analysis: z.object({ summary: z.string(), cases: z.array(caseEntry) }),
  generatedByName: z.string(),
  submittedByName: z.string().nullable(),
  receivedByName: z.string().nullable(),
  /** What the caller may do with it now. */
  can: z.object({ regenerate: z.boolean(), writeAnalysis: z.boolean(), submit: z.boolean(), receive: z.boolean() }),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const generatedReports = z.object({ items: z.array(reportSummary), created: z.number().int() });
