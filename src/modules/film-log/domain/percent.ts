/**
 * `part` as a percent of `whole`, to one decimal, halves rounded up (132 of 1,000 → 13.2); 0 when
 * `whole` is 0. Exact: a true half (k + 0.5 tenths) is exactly representable, so Math.round sees it.
 */
export const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
