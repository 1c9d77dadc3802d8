import { z } from 'zod';

/** What the company measures (domain.md §9): the community and company dashboards. */

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const periodPresetEnum = z.enum(['this_month', 'last_month', 'last_30_days']);

/**
 * The period is either a preset or a pair of local dates (both days included, in the company's
 * time zone); with neither, this month.
 */
export const dashboardQuery = z.object({
  communityId: z.uuid().optional(),
  preset: periodPresetEnum.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Every chart's data set, by name: the Excel export takes one of these. */
export const dashboardPanelEnum = z.enum([
  'daily',
  'categories',
  'buildings',
  'technicians',
  'durations',
  'timers',
  'rates',
  'satisfaction',
  'communities',
]);
export type DashboardPanel = z.infer<typeof dashboardPanelEnum>;

/** One chart's figures as .xlsx; the sheet's headings in the reader's language. */
export const dashboardExportQuery = dashboardQuery.extend({
  panel: dashboardPanelEnum,
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

/** A share in percent (one decimal), or null when there is nothing to divide by. */
const percent = z.number().nullable();
/** An average in minutes (one decimal), or null when nothing was measured. */
const minutes = z.number().nullable();

export const dailyPoint = z.object({ date: localDate, orders: z.number().int(), complaints: z.number().int() });
export const namedCount = z.object({ key: z.string(), name: z.string(), count: z.number().int() });

export const satisfactionCounts = z.object({
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
});

export const technicianRow = z.object({
  technicianId: z.uuid(),
  name: z.string(),
  open: z.number().int(),
  completed: z.number().int(),
  averageCompleteMinutes: minutes,
  ratings: satisfactionCounts,
  satisfactionRate: percent,
});

export const durationRow = z.object({
  step: z.enum(['dispatch', 'accept', 'arrive', 'complete']),
  averageMinutes: minutes,
  count: z.number().int(),
});

export const timerRow = z.object({
  kind: z.string(),
  onTime: z.number().int(),
  late: z.number().int(),
  onTimeRate: percent,
});

export const serviceRates = z.object({
  orders: z.number().int(),
  complaints: z.number().int(),
  households: z.number().int(),
  visitsDue: z.number().int(),
  visitsDone: z.number().int(),
  visitRate: percent,
  satisfactionRate: percent,
  complaintRate: percent,
  /** The policy's target complaint rate (below it is good). */
  complaintRateTarget: z.number(),
  reopened: z.number().int(),
  reopenRate: percent,
});

export const communityRow = serviceRates.extend({
  communityId: z.uuid(),
  name: z.string(),
  averageCompleteMinutes: minutes,
});

export const dashboardView = z.object({
  communityId: z.uuid().nullable(),
  from: localDate,
  to: localDate,
  timezone: z.string(),
  daily: z.array(dailyPoint),
  categories: z.array(namedCount),
  buildings: z.array(namedCount),
  technicians: z.array(technicianRow),
  durations: z.array(durationRow),
  timers: z.array(timerRow),
  rates: serviceRates,
  satisfaction: satisfactionCounts,
  /** One row per community in scope (the company dashboard's comparison table). */
  communities: z.array(communityRow),
});
export type DashboardView = z.infer<typeof dashboardView>;
