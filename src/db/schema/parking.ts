/** Parking (车位): tables of this feature. */
export {};
