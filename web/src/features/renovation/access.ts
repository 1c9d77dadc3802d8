import { rolesWith } from '../../../../src/contract/access';
import { csInspectors, engInspectors, patrolRoles } from '../../../../src/domain/renovation/machine';

/**
 * Who gets the renovation screens and buttons, read from the tables the server enforces
 * (src/domain/access/permissions.ts, src/domain/renovation/machine.ts).
 */
export const renovationViewRoles = rolesWith('renovation.view');
/** Desk roles that record an application for a resident (residents apply on their phone). */
export const applicantRoles = rolesWith('renovation.apply').filter((r) => r !== 'resident');
/** Who patrols renovations (客户助理, 保安, 工程). */
export const patrollerRoles: readonly string[] = patrolRoles;
export const csInspectorRoles: readonly string[] = csInspectors;
export const engInspectorRoles: readonly string[] = engInspectors;
