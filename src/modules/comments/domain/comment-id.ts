import { createHash, randomUUID } from 'node:crypto';

/** Fixed namespace of comment ids derived from an idempotency key. */
const IDEMPOTENT_COMMENT_IDS = '3f1c2a9e-7b64-4d0e-9a51-6c2f8e4b7d10';

/**
 * A name-based (version 5, SHA-1) UUID as RFC 9562 defines it. Written here because the `uuid`
 * package is ESM-only, which jest's CommonJS runtime cannot load.
 */
export function nameBasedUuid(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A retried post must land on the same stream, so with an `Idempotency-Key` the id is derived
 * from the author and the key (two members may use the same key); without one it is random.
 */
export const commentIdFor = (authorId: string, idempotencyKey: string | null): string =>
  idempotencyKey === null
    ? randomUUID()
    : nameBasedUuid(`${authorId}\n${idempotencyKey}`, IDEMPOTENT_COMMENT_IDS);
