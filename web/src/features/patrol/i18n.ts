/** The building patrol feature's texts (巡楼), namespace `patrol.`: Chinese first. */
export const patrolZh = {
  nav: '巡楼',
};

/** The same keys in English (type-checked against the Chinese). */
export const patrolEn: typeof patrolZh = {
  nav: 'Building patrol',
};
