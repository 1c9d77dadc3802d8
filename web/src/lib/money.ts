/** Money travels as integer fen (cents); people read and type yuan. */
export const formatYuan = (fen: number | null | undefined): string => (fen == null ? '' : `¥${(fen / 100).toFixed(2)}`);

export const fenToYuan = (fen: number | null | undefined): number | undefined => (fen == null ? undefined : fen / 100);

export const yuanToFen = (yuan: number | string | null | undefined): number | undefined => {
  if (yuan == null || yuan === '') return undefined;
  const n = typeof yuan === 'number' ? yuan : Number(yuan);
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
};
