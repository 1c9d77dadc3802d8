import { rolesWith } from '../../../../src/contract/access';

/**
 * Who gets the dashboards, read from the table the server enforces
 * (src/domain/access/permissions.ts): community managers their community's, company roles also
 * the company's.
 */
export const dashboardRoles = rolesWith('dashboard.view');
export const companyDashboardRoles = dashboardRoles.filter((r) => ['admin', 'company_manager', 'complaint_centre'].includes(r));
