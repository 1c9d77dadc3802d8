/** The parking feature's texts (车位), namespace `parking.`: Chinese first. */
export const parkingZh = {
  nav: '车位',
};

/** The same keys in English (type-checked against the Chinese). */
export const parkingEn: typeof parkingZh = {
  nav: 'Parking',
};
