import type { z } from 'zod';
import type {
  ActionPath,
  CreateRepairBody,
  RepairDetail,
  RepairSummary,
  actionBodies,
  repairCategoryEnum,
  repairListQuery,
  repairStatusEnum,
} from '../../../../../src/contract/repair';

export type { ActionPath, RepairDetail, RepairSummary };
export type RepairStatus = z.infer<typeof repairStatusEnum>;
export type RepairCategory = z.infer<typeof repairCategoryEnum>;
export type RepairView = z.output<typeof repairListQuery>['view'];
export type CreateRepairInput = z.input<typeof import('../../../../../src/contract/repair').createRepairBody>;
export type { CreateRepairBody };
export type ActionBody<A extends ActionPath> = z.input<(typeof actionBodies)[A]>;

/** The action names the server lists in allowedActions ('set_off'), and their URL form ('set-off'). */
export type RepairAction =
  | 'grab'
  | 'assign'
  | 'accept'
  | 'decline'
  | 'set_off'
  | 'arrive'
  | 'verify_code'
  | 'confirm_by_phone'
  | 'reschedule'
  | 'record_work'
  | 'hold'
  | 'resume'
  | 'request_quote'
  | 'quote'
  | 'accept_quote'
  | 'refuse_quote'
  | 'complete'
  | 'confirm'
  | 'reject_completion'
  | 'record_payment'
  | 'visit'
  | 'cancel'
  | 'close_returned';

export const actionPath = (action: RepairAction): ActionPath => action.replaceAll('_', '-') as ActionPath;

export const repairStatuses: RepairStatus[] = [
  'open',
  'dispatched',
  'accepted',
  'on_the_way',
  'arrived',
  'in_progress',
  'on_hold',
  'awaiting_quote',
  'awaiting_approval',
  'returned',
  'completed',
  'confirmed',
  'closed',
  'cancelled',
];

export const repairCategories: RepairCategory[] = [
  'plumbing',
  'electrical',
  'doors_windows',
  'appliance',
  'equipment',
  'public_area',
  'other',
];

export const repairViews: RepairView[] = ['active', 'all', 'open_pool', 'unassigned', 'overdue', 'awaiting_visit', 'mine'];
