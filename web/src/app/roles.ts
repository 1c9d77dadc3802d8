import { rolesWith } from '../../../src/contract/access';

/**
 * Which desktop screens and buttons each role gets, read from the tables the server enforces, so
 * menus and buttons never offer what the server would refuse with 403.
 */
export const dispatchRoles = rolesWith('board.dispatch');
/** Residents report on their phone page; these roles record repairs at the desk. */
export const intakeRoles = rolesWith('repair.create').filter((r) => r !== 'resident');
export const visitRoles = rolesWith('visit.view');
/** Desk roles that attach photos (technicians and residents do on their phone pages). */
export const photoRoles = rolesWith('repair.attach_photo').filter((r) => r !== 'technician' && r !== 'resident');
/** Desk roles that print work orders. */
export const printRoles = rolesWith('repair.print').filter((r) => r !== 'technician');
/** The counters above the desk's list. */
export const frontDeskBoardRoles = rolesWith('board.front_desk');
