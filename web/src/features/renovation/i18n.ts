/** The renovation feature's texts (装修), namespace `renovation.`: Chinese first. */
export const renovationZh = {
  nav: '装修',
};

/** The same keys in English (type-checked against the Chinese). */
export const renovationEn: typeof renovationZh = {
  nav: 'Renovation',
};
