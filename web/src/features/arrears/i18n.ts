/** The arrears feature's texts (欠费催缴), namespace `arrears.`: Chinese first. */
export const arrearsZh = {
  nav: '欠费催缴',
};

/** The same keys in English (type-checked against the Chinese). */
export const arrearsEn: typeof arrearsZh = {
  nav: 'Arrears',
};
