/** In-warranty defects (保修期内维修): tables of this feature. */
export {};
