import { MasterKeys, UnknownMasterKeyError, masterKeyIdOf } from './master-keys.js';
import { isSealedText, newDataKey, openText, sealText } from './sealed-text.js';

const ALICE = '0b9c5a52-57a5-4b4b-9d4e-6a3c8f1f3a01';
const BOB = '7d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6';

describe('sealed text', () => {
  it('opens with the key and owner it was sealed with, and holds no plaintext', () => {
    const key = newDataKey();
    const sealed = sealText('a marker only Alice wrote', key, ALICE);
    expect(isSealedText(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('marker');
    expect(openText(sealed, key)).toBe('a marker only Alice wrote');
  });

  it('uses a fresh nonce each time: the same text seals differently', () => {
    const key = newDataKey();
    expect(sealText('same', key, ALICE).$sealed).not.toBe(sealText('same', key, ALICE).$sealed);
  });

  it('refuses another key, another owner, or altered bytes', () => {
    const key = newDataKey();
    const sealed = sealText('text', key, ALICE);
    expect(() => openText(sealed, newDataKey())).toThrow();
    expect(() => openText({ ...sealed, owner: BOB }, key)).toThrow();
    const bytes = Buffer.from(sealed.$sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => openText({ ...sealed, $sealed: bytes.toString('base64url') }, key)).toThrow();
  });

  it('recognises only envelopes, not text or other objects', () => {
    expect(isSealedText('text')).toBe(false);
    expect(isSealedText(null)).toBe(false);
    expect(isSealedText({ $sealed: 'x' })).toBe(false);
  });
});

describe('master keys', () => {
  const first = newDataKey();
  const second = newDataKey();

  it('wraps with the first key and unwraps with any configured one', () => {
    const before = new MasterKeys([first]);
    const dataKey = newDataKey();
    const wrapped = before.wrap(dataKey, ALICE);
    expect(wrapped.masterKeyId).toBe(masterKeyIdOf(first));
    const rotated = new MasterKeys([second, first]);
    expect(rotated.unwrap(wrapped, ALICE).equals(dataKey)).toBe(true);
    expect(rotated.wrap(dataKey, ALICE).masterKeyId).toBe(masterKeyIdOf(second));
  });

  it('names a master key that is no longer configured', () => {
    const wrapped = new MasterKeys([first]).wrap(newDataKey(), ALICE);
    expect(() => new MasterKeys([second]).unwrap(wrapped, ALICE)).toThrow(UnknownMasterKeyError);
  });

  it('binds a wrapped key to its member', () => {
    const keys = new MasterKeys([first]);
    expect(() => keys.unwrap(keys.wrap(newDataKey(), ALICE), BOB)).toThrow();
  });

  it('parses the configuration and refuses keys of the wrong size', () => {
    const text = `${second.toString('base64')}, ${first.toString('base64')}`;
    expect(MasterKeys.parse(text).currentId).toBe(masterKeyIdOf(second));
    expect(() => MasterKeys.parse(Buffer.alloc(16).toString('base64'))).toThrow(RangeError);
  });
});
