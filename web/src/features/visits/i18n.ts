/** The visits screens' messages (zh-CN first); merged into the catalogue under `visitTasks`. en must have the same keys. */
export const visitsZh = {};

export const visitsEn: typeof visitsZh = {};
