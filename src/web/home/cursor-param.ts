/** `?cursor=` as the queries take it: one non-empty value, or the first page. */
export const cursorParam = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
