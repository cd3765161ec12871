/** A count as the pages write it: 1,250. */
export const count = (n: number): string => n.toLocaleString('en-GB');
