import { createHash } from 'node:crypto';
import { DATA_KEY_BYTES, decrypt, encrypt } from './sealed-text.js';

/** A member's data key as stored: encrypted under one master key, named by that key's id. */
export interface WrappedKey {
  readonly masterKeyId: string;
  readonly wrapped: Buffer;
}

export class UnknownMasterKeyError extends Error {
  override readonly name = 'UnknownMasterKeyError';

  constructor(readonly masterKeyId: string) {
    super(`master key ${masterKeyId} is not configured (PERSONAL_DATA_KEYS)`);
  }
}

/** A master key's id: derived from the key, so configuration cannot name two keys alike. */
export const masterKeyIdOf = (key: Buffer): string =>
  createHash('sha256').update(key).digest('hex').slice(0, 16);

/**
 * The master keys from configuration (envelope encryption): the first wraps new member keys, the
 * others still unwrap keys wrapped before a rotation until the rotate command has re-wrapped them.
 */
export class MasterKeys {
  private readonly byId: ReadonlyMap<string, Buffer>;
  readonly currentId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new RangeError('at least one master key is needed');
    for (const key of keys)
      if (key.length !== DATA_KEY_BYTES) throw new RangeError(`a master key is ${DATA_KEY_BYTES} bytes`);
    this.byId = new Map(keys.map((key) => [masterKeyIdOf(key), key]));
    this.currentId = masterKeyIdOf(keys[0]!);
  }

  /** `PERSONAL_DATA_KEYS`: base64 keys of 32 bytes separated by commas, the current one first. */
  static parse(text: string): MasterKeys {
    return new MasterKeys(text.split(',').map((part) => Buffer.from(part.trim(), 'base64')));
  }

  wrap(dataKey: Buffer, memberId: string): WrappedKey {
    const master = this.byId.get(this.currentId)!;
    return { masterKeyId: this.currentId, wrapped: encrypt(dataKey, master, memberId) };
  }

  unwrap(key: WrappedKey, memberId: string): Buffer {
    const master = this.byId.get(key.masterKeyId);
    if (!master) throw new UnknownMasterKeyError(key.masterKeyId);
    return decrypt(key.wrapped, master, memberId);
  }
}
