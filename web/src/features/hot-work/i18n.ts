/** The hot work feature's texts (临时动火), namespace `hotWork.`: Chinese first. */
export const hotWorkZh = {
  nav: '临时动火',
};

/** The same keys in English (type-checked against the Chinese). */
export const hotWorkEn: typeof hotWorkZh = {
  nav: 'Hot work',
};
