/** 保修类别 ([004] 房屋建筑工程质量保修): what kind of defect, which decides how long the developer answers for it. */
export const warrantyClasses = [
  'structure', // 地基基础和主体结构
  'waterproofing', // 屋面防水、卫生间防水、外墙渗漏
  'heating_cooling', // 供热与供冷系统
  'electrical', // 电气管线
  'drainage', // 给排水管道
  'equipment', // 设备安装
  'decoration', // 装修工程
] as const;
export type WarrantyClass = (typeof warrantyClasses)[number];

/** The repair order's categories (kept here so the rules import nothing outside the domain). */
export const repairCategories = ['plumbing', 'electrical', 'doors_windows', 'appliance', 'equipment', 'public_area', 'other'] as const;
export type RepairCategory = (typeof repairCategories)[number];
