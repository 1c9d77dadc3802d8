import { permissions } from '../domain/access/permissions.js';
import { repairRules } from '../domain/repair/machine.js';

/**
 * Who may use what, for screens that should not offer what the server would refuse. The server
 * enforces the same tables (src/domain/access/permissions.ts, src/domain/repair/machine.ts).
 */
export const rolesWith = (permission: keyof typeof permissions): readonly string[] => permissions[permission];

/** The roles that may take a lifecycle action on a repair order. */
export const rolesForRepairAction = (action: keyof typeof repairRules): readonly string[] => repairRules[action].who;
