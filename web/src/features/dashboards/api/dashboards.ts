import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardPanel, DashboardQuery, DashboardView } from '../../../../../src/contract/dashboard';
import { api, unwrap } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';

export type { DashboardPanel, DashboardView };

/** The page's filters: a preset or two local dates, and a community (null: every community in scope). */
export interface DashboardParams {
  communityId: string | null;
  preset?: NonNullable<DashboardQuery['preset']>;
  from?: string;
  to?: string;
}

const queryOf = (p: DashboardParams) => ({
  communityId: p.communityId ?? undefined,
  preset: p.from ? undefined : p.preset,
  from: p.from,
  to: p.to,
});

export async function getDashboard(p: DashboardParams): Promise<DashboardView> {
  const view: DashboardView = await unwrap(api.GET('/api/dashboards', { params: { query: queryOf(p) } }));
  return view;
}

/** Dashboard figures are read-only summaries: kept while the filters change, refreshed every minute. */
export const useDashboard = (p: DashboardParams) =>
  useQuery({
    queryKey: ['dashboards', p] as const,
    queryFn: () => getDashboard(p),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

/** The address of one chart's .xlsx with the page's filters: the server scopes it as it scopes the chart. */
export function exportUrl(panel: DashboardPanel, p: DashboardParams): string {
  const q = new URLSearchParams({ panel, lang: currentLanguage() });
  for (const [k, v] of Object.entries(queryOf(p))) if (v) q.set(k, v);
  return `/api/dashboards/export?${q.toString()}`;
}
