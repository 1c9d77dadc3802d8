/** The complaints screens' messages (zh-CN first); merged into the catalogue under `complaints`. en must have the same keys. */
export const complaintsZh = {};

export const complaintsEn: typeof complaintsZh = {};
