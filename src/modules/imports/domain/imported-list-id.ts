import { nameBasedUuid } from '../../../common/name-based-uuid.js';
import type { ImportSource } from '../parsing/import-plan.js';

/** Fixed namespace of the ids of lists brought in by imports. */
const IMPORTED_LIST_IDS = 'a7d3e0c4-52b8-4f1e-9c06-3b8e7f24d915';

/**
 * A list from an export lands on the same stream every time the member imports it (a newer export
 * updates it), so its id is derived from the member, the service and the list's slug there.
 */
export const importedListId = (memberId: string, source: ImportSource, slug: string): string =>
  nameBasedUuid(`${memberId}\n${source}\n${slug}`, IMPORTED_LIST_IDS);
