export { decodeCursorFields, encodeCursorFields } from './cursor-fields.js';
export * from './page.js';
export { PageLimit, PageRequest } from './page.request.js';
export { decodeTimeCursor, encodeTimeCursor, FIRST_PAGE, type TimeCursor } from './time-cursor.js';
