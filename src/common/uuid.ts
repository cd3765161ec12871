const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in any case: an id a client typed (in a path) or a token names. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A UUID in lower case, as PostgreSQL writes them: the ids inside the cursors this API gives out. */
export const isCanonicalUuid = (value: unknown): value is string =>
  isUuid(value) && value === value.toLowerCase();
