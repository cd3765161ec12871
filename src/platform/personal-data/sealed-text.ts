import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Personal free text as events keep it: AES-256-GCM under the key of the member it belongs to.
 * `owner` names that member, so a reader knows which key opens it and erasure (destroying the key)
 * leaves ciphertext nobody can read. The text is bound to its owner (additional authenticated data):
 * an envelope moved into another member's event does not open.
 */
export interface SealedText {
  /** base64url of the 12-byte nonce, the 16-byte tag and the ciphertext, in that order. */
  readonly $sealed: string;
  readonly owner: string;
  /** Present when the sealed value was not text but JSON (e.g. a list of rows naming a file). */
  readonly json?: true;
}

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

export const isSealedText = (value: unknown): value is SealedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedText).$sealed === 'string' &&
  typeof (value as SealedText).owner === 'string';

/** Encrypts `plain` with a fresh nonce, bound to `context`; the result is nonce, tag and ciphertext. */
export function encrypt(plain: Buffer, key: Buffer, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce).setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The inverse of `encrypt`; throws when the key, the context or the bytes are not the ones sealed. */
export function decrypt(sealed: Buffer, key: Buffer, context: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new RangeError('sealed bytes are too short');
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, NONCE_BYTES))
    .setAAD(Buffer.from(context, 'utf8'))
    .setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
}

export const sealText = (plain: string, key: Buffer, owner: string): SealedText => ({
  $sealed: encrypt(Buffer.from(plain, 'utf8'), key, owner).toString('base64url'),
  owner,
});

export const openText = (sealed: SealedText, key: Buffer): string =>
  decrypt(Buffer.from(sealed.$sealed, 'base64url'), key, sealed.owner).toString('utf8');

/** Any value: text is sealed as it is, anything else as its JSON. */
export const sealValue = (value: unknown, key: Buffer, owner: string): SealedText =>
  typeof value === 'string'
    ? sealText(value, key, owner)
    : { ...sealText(JSON.stringify(value), key, owner), json: true };

export const openValue = (sealed: SealedText, key: Buffer): unknown =>
  sealed.json ? (JSON.parse(openText(sealed, key)) as unknown) : openText(sealed, key);

export const newDataKey = (): Buffer => randomBytes(DATA_KEY_BYTES);
