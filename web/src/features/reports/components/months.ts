import { local } from '../../../lib/datetime';

/** The last `count` months as 'YYYY-MM', this month first (in the desk's time zone). */
export function recentMonths(count = 13): string[] {
  const now = local(new Date());
  return Array.from({ length: count }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'));
}

/** Last month, the one the 1st-of-the-month duty reports on. */
export const lastMonth = (): string => local(new Date()).subtract(1, 'month').format('YYYY-MM');
