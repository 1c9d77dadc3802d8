/** Goods release passes (物品放行): tables of this feature. */
export {};
