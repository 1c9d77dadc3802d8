/** Renovation (装修): tables of this feature. */
export {};
