/**
 * Which desktop screens and buttons each role gets. The server decides what anyone may actually
 * do (src/domain/access/permissions.ts); these lists mirror it so menus and buttons do not offer
 * what the server would refuse with 403.
 */
/** board.dispatch */
export const dispatchRoles = ['admin', 'director', 'cs_supervisor', 'clerk', 'eng_supervisor'];
/** repair.create (residents report on their phone page) */
export const intakeRoles = ['clerk', 'cs_supervisor', 'cs_manager', 'eng_supervisor', 'director'];
/** visit.view */
export const visitRoles = ['admin', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor'];
/** Roles that record follow-up visits (the repair rules' visit action). */
export const visitorRoles = ['clerk', 'cs_supervisor', 'eng_supervisor', 'cs_manager'];
/** repair.attach_photo, desk roles */
export const photoRoles = ['clerk', 'cs_supervisor', 'eng_supervisor'];
/** repair.print, desk roles */
export const printRoles = ['admin', 'director', 'cs_manager', 'cs_supervisor', 'clerk', 'eng_supervisor', 'finance'];
/** board.front_desk: the counters above the desk's list */
export const frontDeskBoardRoles = [
  'admin',
  'company_manager',
  'complaint_centre',
  'director',
  'cs_manager',
  'cs_supervisor',
  'clerk',
  'eng_supervisor',
];
