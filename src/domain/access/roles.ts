/**
 * The people who use propdesk (domain.md §1). Company-level roles have no community and see
 * every community of their company; everyone else belongs to one community.
 */
export const staffRoles = [
  'admin', // 系统管理员: company administrator, sets policy
  'company_manager', // 经理 / 副总 / 总经理: company management
  'complaint_centre', // 公司客户投诉处理中心
  'director', // 管理处主任: community office director
  'cs_manager', // 客服经理
  'cs_supervisor', // 客服主管
  'clerk', // 客服员 / 前台 / 值班员
  'eng_supervisor', // 工程主管 / 维修班长
  'technician', // 维修工 / 师傅
  'department_staff', // 保安部 清洁部 绿化部
  'finance', // 财务 / 收费处
  'developer_liaison', // 开发商联络人
] as const;

export type StaffRole = (typeof staffRoles)[number];
export type Role = StaffRole | 'resident';

export const companyLevelRoles: readonly StaffRole[] = ['admin', 'company_manager', 'complaint_centre'];

export const isCompanyLevel = (role: Role): boolean => (companyLevelRoles as readonly string[]).includes(role);

export const departments = [
  'customer_service',
  'engineering',
  'security',
  'cleaning',
  'landscaping',
  'finance',
  'management',
  'developer',
] as const;
export type Department = (typeof departments)[number];

/** Who is acting, as the rules need to know it. */
export interface Actor {
  kind: 'staff' | 'resident' | 'system';
  id: string;
  role: Role | 'system';
  name: string;
  companyId: string;
  /** null for company-level staff. */
  communityId: string | null;
}

export const systemActor = (companyId: string, communityId: string | null): Actor => ({
  kind: 'system',
  id: 'system',
  role: 'system',
  name: '系统 System',
  companyId,
  communityId,
});
