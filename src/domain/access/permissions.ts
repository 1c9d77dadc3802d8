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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const can = (role: Role | 'system', permission: Permission): boolean =>
  role !== 'system' && (permissions[permission] as readonly string[]).includes(role);
