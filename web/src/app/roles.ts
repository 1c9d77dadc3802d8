/**
 * Which desktop screens each role gets. The server decides what anyone may actually do; this
 * only keeps menus and buttons from offering what a role never uses.
 */
export const dispatchRoles = ['eng_supervisor', 'director', 'clerk', 'cs_supervisor'];
export const intakeRoles = [
  'clerk',
  'cs_supervisor',
  'cs_manager',
  'eng_supervisor',
  'director',
  'admin',
  'company_manager',
  'complaint_centre',
];
export const visitRoles = [
  'clerk',
  'cs_supervisor',
  'cs_manager',
  'eng_supervisor',
  'director',
  'admin',
  'company_manager',
  'complaint_centre',
];
/** Roles that record follow-up visits (the repair rules' visit action). */
export const visitorRoles = ['clerk', 'cs_supervisor', 'eng_supervisor', 'cs_manager'];
