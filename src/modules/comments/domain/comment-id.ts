import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '../../../common/name-based-uuid.js';

/** Fixed namespace of comment ids derived from an idempotency key. */
const IDEMPOTENT_COMMENT_IDS = '3f1c2a9e-7b64-4d0e-9a51-6c2f8e4b7d10';

/**
 * A retried post must land on the same stream, so with an `Idempotency-Key` the id is derived
 * from the author and the key (two members may use the same key); without one it is random.
 */
export const commentIdFor = (authorId: string, idempotencyKey: string | null): string =>
  idempotencyKey === null
    ? randomUUID()
    : nameBasedUuid(`${authorId}\n${idempotencyKey}`, IDEMPOTENT_COMMENT_IDS);
