import type { Role } from './roles.js';

/**
 * Who may use which capability, as one table. Community scoping (a community's staff see only
 * their own community) is applied on top of this by every query.
 */
export const permissions = {
  'repair.view': [
    'admin',
    'company_manager',
    'complaint_centre',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'eng_supervisor',
    'technician',
    'finance',
    'resident',
  ],
  'repair.create': ['clerk', 'cs_supervisor', 'cs_manager', 'eng_supervisor', 'director', 'resident'],
  'repair.attach_photo': ['clerk', 'cs_supervisor', 'eng_supervisor', 'technician', 'resident'],
  'repair.print': ['admin', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'technician', 'finance'],
  'board.front_desk': [
    'admin',
    'company_manager',
    'complaint_centre',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'eng_supervisor',
  ],
  'board.dispatch': ['admin', 'director', 'cs_supervisor', 'clerk', 'eng_supervisor'],
  'visit.view': ['admin', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor'],
  'directory.rooms': ['director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'admin', 'company_manager', 'complaint_centre'],
  'directory.technicians': ['director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'admin', 'resident'],
  'policy.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'eng_supervisor'],
  'policy.edit': ['admin'],
  'outbox.view': ['admin'],
  // 投诉 (issue: complaints). Scope on top: community staff see their community; the complaint
  // centre and company management see every community; residents see their households' cases.
  'complaint.view': [
    'admin',
    'company_manager',
    'complaint_centre',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'eng_supervisor',
    'department_staff',
    'finance',
    'developer_liaison',
    'resident',
  ],
  'complaint.create': ['clerk', 'cs_supervisor', 'cs_manager', 'director', 'resident'],
  /** The company complaint centre forwards a case to a community (转交管理处). */
  'complaint.forward': ['complaint_centre', 'company_manager', 'admin'],
  // 值班记录 (the duty log): everybody of a community who can be the first person asked.
  'contact.view': ['director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'technician', 'department_staff', 'finance'],
  'contact.create': ['director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'technician', 'department_staff', 'finance'],
  // 报事: the desk creates, specialist supervisors dispatch, departments handle.
  'matter.view': [
    'admin',
    'company_manager',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'eng_supervisor',
    'technician',
    'department_staff',
  ],
  'matter.create': ['clerk', 'cs_supervisor'],
  /** Sampling duties (抽样回访): drawing and tracking them. */
  'visit.sample': ['director', 'cs_manager', 'cs_supervisor', 'eng_supervisor'],
  // ── Issue 4: the rest of the front desk. Each feature keeps its permissions in its own block. ──
  // 装修 renovation
  'renovation.view': [
    'admin',
    'company_manager',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'eng_supervisor',
    'technician',
    'department_staff',
    'finance',
    'resident',
  ],
  'renovation.apply': ['clerk', 'cs_supervisor', 'resident'],
  /** Patrols during works: the CS assistant, security, engineering (巡查). */
  'renovation.patrol': ['clerk', 'cs_supervisor', 'department_staff', 'eng_supervisor', 'technician'],
  // 物品放行 goods-release passes
  'goods_pass.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'department_staff', 'resident'],
  /** Apply for a pass: the desk, or a resident ahead of time on the phone. */
  'goods_pass.apply': ['clerk', 'cs_supervisor', 'resident'],
  'goods_pass.issue': ['clerk', 'cs_supervisor'],
  /** Let a household with arrears take its goods out (遇特殊情况上报客服主管). */
  'goods_pass.override': ['cs_supervisor'],
  /** The gate (security staff only; checked by department as well). */
  'goods_pass.gate': ['department_staff'],
  /** The daily check of the day's passes (保安经理每天核对). */
  'goods_pass.review': ['director', 'department_staff'],
  // 临时动火 hot-work permits
  'hot_work.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'department_staff'],
  'hot_work.apply': ['clerk', 'cs_supervisor'],
  // 车位 parking
  'parking.view': [
    'admin',
    'company_manager',
    'director',
    'cs_manager',
    'cs_supervisor',
    'clerk',
    'finance',
    'department_staff',
    'resident',
  ],
  'parking.apply': ['clerk', 'cs_supervisor', 'resident'],
  // 欠费催缴 arrears
  'arrears.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'finance'],
  /** Import or record arrears, and take payments (财务). */
  'arrears.import': ['finance'],
  /** Assign households to clerks (客服主管负责任务下派). */
  'arrears.assign': ['cs_supervisor'],
  /** Record a chase (the assigned clerk, or the supervisor). */
  'arrears.chase': ['clerk', 'cs_supervisor'],
  // 巡楼 building patrol
  'patrol.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor'],
  'patrol.record': ['director', 'cs_supervisor', 'clerk'],
  /** Patrol routes: their checkpoints and order. */
  'patrol.manage_routes': ['director', 'cs_supervisor'],
  // 保修期内维修 in-warranty defects (工作联系单 to the developer)
  'warranty.view': ['admin', 'company_manager', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'developer_liaison'],
  'warranty.create': ['director', 'cs_supervisor', 'clerk'],
  // 月报 monthly reports (部门客户投诉工作月报, owner-visit summary): community staff see their own, the centre every community's.
  'report.view': ['admin', 'company_manager', 'complaint_centre', 'director', 'cs_manager', 'cs_supervisor'],
  /** Make a month's reports now (the duty makes them on the 1st; for late set-ups). */
  'report.generate': ['admin', 'complaint_centre', 'director', 'cs_supervisor'],
  /** Regenerate figures, write the case analysis, submit (客服主管填写，经管理处主任审阅). */
  'report.prepare': ['director', 'cs_supervisor'],
  /** Mark a submitted report received (公司客户投诉处理中心). */
  'report.receive': ['complaint_centre'],
  // 业户访问 owner visits: the CS supervisor's monthly quota of household visits
  'ownerVisit.view': ['admin', 'company_manager', 'complaint_centre', 'director', 'cs_manager', 'cs_supervisor', 'clerk'],
  /** Make the month's plan, book, move and cancel visits (客服主管). */
  'ownerVisit.book': ['cs_supervisor'],
  /** Write a visit's record (业户访问记录); a clerk may write it for the supervisor. */
  'ownerVisit.record': ['cs_supervisor', 'clerk'],
  /** Read the notes of a confidential record (besides whoever wrote it): 有关业户隐私的见闻保密. */
  'ownerVisit.read_confidential': ['director', 'cs_supervisor'],
  // 统计看板 dashboards (domain.md §9): community managers see their community, company roles every one.
  'dashboard.view': ['admin', 'company_manager', 'complaint_centre', 'director', 'cs_manager', 'cs_supervisor', 'eng_supervisor'],
  // 问卷调查 questionnaires: the CS supervisor drafts, issues and analyses; the desk enters paper
  // answers; residents answer on the phone. Company management sees every community's results.
  'questionnaire.view': ['admin', 'company_manager', 'complaint_centre', 'director', 'cs_manager', 'cs_supervisor', 'clerk'],
  'questionnaire.manage': ['director', 'cs_manager', 'cs_supervisor'],
  'questionnaire.enter_paper': ['clerk', 'cs_supervisor'],
  'questionnaire.answer': ['resident'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const can = (role: Role | 'system', permission: Permission): boolean =>
  role !== 'system' && (permissions[permission] as readonly string[]).includes(role);
