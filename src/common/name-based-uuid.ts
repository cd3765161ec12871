import { createHash } from 'node:crypto';

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
