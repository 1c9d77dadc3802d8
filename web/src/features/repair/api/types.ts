import type { z } from 'zod';
import {
  type ActionPath,
  type actionBodies,
  type CreateRepairBody,
  type RepairDetail,
  type RepairSummary,
  type repairActionEnum,
  repairCategoryEnum,
  type repairListQuery,
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
export type RepairAction = z.infer<typeof repairActionEnum>;

export const actionPath = (action: RepairAction): ActionPath => action.replaceAll('_', '-') as ActionPath;

export const repairStatuses: readonly RepairStatus[] = repairStatusEnum.options;

export const repairCategories: readonly RepairCategory[] = repairCategoryEnum.options;

export const repairViews: RepairView[] = ['active', 'all', 'open_pool', 'unassigned', 'overdue', 'awaiting_visit', 'mine'];
