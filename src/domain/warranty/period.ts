import { localDateStamp } from '../shared/time-of-day.js';
import type { RepairCategory, WarrantyClass } from './classes.js';
import { warrantyClasses } from './classes.js';
import type { WarrantyPolicy } from './policy.js';

const yearsField: Record<WarrantyClass, keyof WarrantyPolicy> = {
  structure: 'structureYears',
  waterproofing: 'waterproofingYears',
  heating_cooling: 'heatingCoolingYears',
  electrical: 'electricalYears',
  drainage: 'drainageYears',
  equipment: 'equipmentYears',
  decoration: 'decorationYears',
};

/** How many years the developer answers for a class of defect, by the policy. */
export const warrantyYears = (warrantyClass: WarrantyClass, policy: WarrantyPolicy): number => policy[yearsField[warrantyClass]] as number;

/** The warranty class of a repair category by the policy's mapping, or null when the office must judge it. */
export function warrantyClassOf(category: string, policy: WarrantyPolicy): WarrantyClass | null {
  const matching = warrantyClasses.filter((c) => (policy.categoriesByClass[c] as readonly string[]).includes(category as RepairCategory));
  if (matching.length === 0) return null;
  return matching.reduce((best, c) => (warrantyYears(c, policy) > warrantyYears(best, policy) ? c : best));
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * The last day of the warranty (YYYY-MM-DD). Counted as the Civil Code counts periods (民法典
 * 第201–202条): the handover day itself is not counted, and the period ends on the same day of
 * the month N years later; with no such day (29 February) it ends on the last day of that month.
 */
export function warrantyLastDay(handoverDate: string, warrantyClass: WarrantyClass, policy: WarrantyPolicy): string {
  if (!isDate(handoverDate)) throw new RangeError(`not a date: ${handoverDate}`);
  const [y, m, d] = handoverDate.split('-').map(Number) as [number, number, number];
  const year = y + warrantyYears(warrantyClass, policy);
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastOfMonth);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether a defect reported at `reportedAt` is still the developer's to repair: the local day of
 * the report (in the community's time zone) is on or before the warranty's last day. A zero-year
 * class is never in warranty.
 */
export function isInWarranty(
  handoverDate: string,
  warrantyClass: WarrantyClass,
  reportedAt: Date,
  policy: WarrantyPolicy,
  timeZone: string,
): boolean {
  if (warrantyYears(warrantyClass, policy) === 0) return false;
  const stamp = localDateStamp(reportedAt, timeZone);
  const reportedDay = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
  return reportedDay <= warrantyLastDay(handoverDate, warrantyClass, policy);
}

/** What a repair order shows about its warranty. */
export interface WarrantyStatus {
  warrantyClass: WarrantyClass | null;
  handoverDate: string | null;
  lastDay: string | null;
  /** null when it cannot be judged: no handover date, or a category without a class. */
  isInWarranty: boolean | null;
}

/** The warranty status of a defect of a category in a building handed over on `handoverDate`. */
export function warrantyStatusOf(
  category: string,
  handoverDate: string | null,
  reportedAt: Date,
  policy: WarrantyPolicy,
  timeZone: string,
): WarrantyStatus {
  const warrantyClass = warrantyClassOf(category, policy);
  if (!warrantyClass || !handoverDate) return { warrantyClass, handoverDate, lastDay: null, isInWarranty: null };
  return {
    warrantyClass,
    handoverDate,
    lastDay: warrantyLastDay(handoverDate, warrantyClass, policy),
    isInWarranty: isInWarranty(handoverDate, warrantyClass, reportedAt, policy, timeZone),
  };
}
