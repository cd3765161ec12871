import { nameBasedUuid } from '../../../common/name-based-uuid.js';

/** Fixed namespace of the ids of diary entries an import writes. */
const IMPORTED_VIEWING_IDS = '9d3b6f0e-52a1-4c8e-b7f4-2e6a1d0c9b83';

/**
 * The same viewing of the same export gets the same id on every run (a crashed job's retry, a
 * re-import): the `ordinal`-th viewing of the film on that day, for that member.
 */
export const importedViewingId = (
  memberId: string,
  filmId: string,
  watchedOn: string,
  ordinal: number,
): string => nameBasedUuid(`${memberId}\n${filmId}\n${watchedOn}\n${ordinal}`, IMPORTED_VIEWING_IDS);
