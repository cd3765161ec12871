import jwt from 'jsonwebtoken';
import { AccessTokens } from './access-tokens.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const ALICE = { id: '0f8a3a52-6f7e-4a57-9d0c-2f1c1e0b9a01', username: 'alice' };

describe('AccessTokens', () => {
  afterEach(() => jest.useRealTimers());

  it('names the member of a token it issued, again and again', async () => {
    const tokens = new AccessTokens(SECRET, 60);
    const token = await tokens.issue(ALICE);
    expect(await tokens.verify(token)).toEqual({ user: ALICE, generation: 0 });
    expect(await tokens.verify(token)).toEqual({ user: ALICE, generation: 0 });
  });

  it('carries the generation it was issued in, and reads a token without one as of generation 0', async () => {
    const tokens = new AccessTokens(SECRET, 60);
    expect((await tokens.verify(await tokens.issue(ALICE, 3)))?.generation).toBe(3);
    const older = jwt.sign({ sub: ALICE.id, name: ALICE.username }, SECRET, { expiresIn: 60 });
    expect(await tokens.verify(older)).toEqual({ user: ALICE, generation: 0 });
    const negative = jwt.sign({ sub: ALICE.id, name: ALICE.username, gen: -1 }, SECRET, { expiresIn: 60 });
    expect(await tokens.verify(negative)).toBeNull();
  });

  it('refuses a token once it has expired, though it was verified before', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new AccessTokens(SECRET, 60);
    const token = await tokens.issue(ALICE);
    expect(await tokens.verify(token)).toEqual({ user: ALICE, generation: 0 });
    jest.setSystemTime(new Date('2026-12-06T12:01:01Z'));
    expect(await tokens.verify(token)).toBeNull();
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses a token signed with another secret or altered', async () => {
    const tokens = new AccessTokens(SECRET, 60);
    const token = await tokens.issue(ALICE);
    const other = await new AccessTokens(`${SECRET}-other`, 60).issue(ALICE);
    expect(await tokens.verify(other)).toBeNull();
    const [head, , signature] = token.split('.');
    const claims = Buffer.from(
      JSON.stringify({ sub: ALICE.id, name: 'mallory', exp: 9_999_999_999 }),
    ).toString('base64url');
    expect(await tokens.verify(`${head}.${claims}.${signature}`)).toBeNull();
  });

  it('keeps a bounded number of verified tokens, and still verifies the ones it let go', async () => {
    const tokens = new AccessTokens(SECRET, 60, 2);
    const issued = await Promise.all(
      ['a', 'b', 'c'].map((letter, index) =>
        tokens.issue({ id: ALICE.id.replace(/^./, String(index)), username: `member_${letter}` }),
      ),
    );
    for (const token of issued) expect(await tokens.verify(token)).not.toBeNull();
    expect((await tokens.verify(issued[0]!))?.user.username).toBe('member_a');
  });
});
