/** Arrears (欠费催缴): tables of this feature. */
export {};
