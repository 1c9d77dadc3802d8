import { z } from 'zod';
import { repairCategories, type warrantyClasses } from './classes.js';

const years = (def: number) => z.number().int().min(0).max(100).default(def);
const hours = (def: number) => z.number().int().min(1).max(720).default(def);
type Category = (typeof repairCategories)[number];
const categories = (def: Category[]) => z.array(z.enum(repairCategories)).max(repairCategories.length).default(def);

/** 类别归属: which repair categories count as which warranty class by default. */
const defaultCategoriesByClass: Record<(typeof warrantyClasses)[number], Category[]> = {
  structure: [],
  waterproofing: [],
  heating_cooling: [],
  electrical: ['electrical'],
  drainage: ['plumbing'],
  equipment: ['equipment', 'appliance'],
  decoration: ['doors_windows', 'public_area'],
};

/**
 * In-warranty defects (保修期内维修, domain.md §3, [000] [004]). Every number is a default a company
 * or a community can change. Warranty periods run from the building's handover date (交付日期).
 */
export const warrantyPolicySchema = z.object({
  /** Developer reply within. */
  developerReplyHours: hours(72),
  /** While the developer is late (no reply, or the promised repair date passed), the office chases again every this many hours. */
  chaseIntervalHours: hours(24),
  /** 地基基础和主体结构: the design life of the building. */
  structureYears: years(50),
  /** 屋面防水、有防水要求的卫生间房间和外墙面的防渗漏. */
  waterproofingYears: years(5),
  /** 供热与供冷系统: two heating / cooling seasons, counted here as two years. */
  heatingCoolingYears: years(2),
  /** 电气管线. */
  electricalYears: years(2),
  /** 给排水管道. */
  drainageYears: years(2),
  /** 设备安装. */
  equipmentYears: years(2),
  /** 装修工程. */
  decorationYears: years(2),
  /**
   * Which repair categories fall into which warranty class. A category listed under several
   * classes takes the longest period (the resident's benefit); an unlisted category has no class
   * and the office judges it by hand.
   */
  categoriesByClass: z
    .object({
      structure: categories([]),
      waterproofing: categories([]),
      heating_cooling: categories([]),
      electrical: categories(['electrical']),
      drainage: categories(['plumbing']),
      equipment: categories(['equipment', 'appliance']),
      decoration: categories(['doors_windows', 'public_area']),
    } satisfies Record<(typeof warrantyClasses)[number], unknown>)
    .default(() => ({ ...defaultCategoriesByClass })),
});

export type WarrantyPolicy = z.infer<typeof warrantyPolicySchema>;

export const defaultWarrantyPolicy = (): WarrantyPolicy => warrantyPolicySchema.parse({});
