/** Hot-work permits (临时动火): tables of this feature. */
export {};
