import { and, asc, count, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { communities, monthlyReports } from '../../db/schema/index.js';

export type ReportRow = typeof monthlyReports.$inferSelect;
export type ReportInsert = typeof monthlyReports.$inferInsert;

/** Inserts a report unless the community already has this month's report of this kind; true when inserted. */
export async function insertReportOnce(ex: Executor, row: ReportInsert): Promise<boolean> {
  const inserted = await ex
    .insert(monthlyReports)
    .values(row)
    .onConflictDoNothing({ target: [monthlyReports.communityId, monthlyReports.kind, monthlyReports.period] })
    .returning({ id: monthlyReports.id });
  return inserted.length > 0;
}

export async function reportsOfMonth(ex: Executor, companyId: string, communityId: string, period: string): Promise<ReportRow[]> {
  return ex
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.companyId, companyId), eq(monthlyReports.communityId, communityId), eq(monthlyReports.period, period)))
    .orderBy(asc(monthlyReports.kind));
}

/** The report locked for a change (one writer at a time). */
export async function lockReport(ex: Executor, companyId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await ex
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.id, id), eq(monthlyReports.companyId, companyId)))
    .for('update');
  return row;
}

export async function findReport(ex: Executor, companyId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await ex
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.id, id), eq(monthlyReports.companyId, companyId)));
  return row;
}

export async function updateReport(ex: Executor, id: string, patch: Partial<ReportInsert>): Promise<void> {
  await ex.update(monthlyReports).set(patch).where(eq(monthlyReports.id, id));
}

/** A page of reports with the community's name, newest month first. */
export async function listReports(ex: Executor, where: SQL[], limit: number, offset: number) {
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    ex
      .select({ report: monthlyReports, communityName: communities.name })
      .from(monthlyReports)
      .innerJoin(communities, eq(communities.id, monthlyReports.communityId))
      .where(cond)
      .orderBy(desc(monthlyReports.period), asc(communities.code), asc(monthlyReports.kind))
      .limit(limit)
      .offset(offset),
    ex.select({ n: count() }).from(monthlyReports).where(cond),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Drafts whose due time has come and that are not flagged yet (the partial index `monthly_reports_due`). */
export async function draftsNewlyOverdue(ex: Executor, now: Date): Promise<ReportRow[]> {
  return ex
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.status, 'draft'), eq(monthlyReports.isOverdue, false), lte(monthlyReports.dueAt, now)))
    .for('update', { skipLocked: true });
}

export async function communityNames(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
