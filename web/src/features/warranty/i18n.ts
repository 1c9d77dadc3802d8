/** The in-warranty defects feature's texts (保修期内维修), namespace `warranty.`: Chinese first. */
export const warrantyZh = {
  nav: '保修期内维修',
};

/** The same keys in English (type-checked against the Chinese). */
export const warrantyEn: typeof warrantyZh = {
  nav: 'In-warranty defects',
};
