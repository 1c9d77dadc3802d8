/** The goods release feature's texts (物品放行), namespace `goodsPasses.`: Chinese first. */
export const goodsPassesZh = {
  nav: '物品放行',
};

/** The same keys in English (type-checked against the Chinese). */
export const goodsPassesEn: typeof goodsPassesZh = {
  nav: 'Goods release',
};
