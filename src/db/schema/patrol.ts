/** Building patrol (巡楼): tables of this feature. */
export {};
