/** The matters screens' messages (zh-CN first); merged into the catalogue under `matters`. en must have the same keys. */
export const mattersZh = {};

export const mattersEn: typeof mattersZh = {};
