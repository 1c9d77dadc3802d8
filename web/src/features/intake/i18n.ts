/** The intake screens' messages (zh-CN first); merged into the catalogue under `intake`. en must have the same keys. */
export const intakeZh = {};

export const intakeEn: typeof intakeZh = {};
