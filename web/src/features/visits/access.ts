import { rolesWith } from '../../../../src/contract/access';

/**
 * Who gets the visit screens and buttons, read from the tables the server enforces
 * (src/domain/access/permissions.ts), so the menu never offers what the server would refuse.
 */
export const visitDeskRoles = rolesWith('visit.view');
/** Roles that draw a month's sampling duties. */
export const samplerRoles = rolesWith('visit.sample');
