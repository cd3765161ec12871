import { createSecretKey, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

const now = (): number => Math.floor(Date.now() / 1000);

/** The member a token names, as the API signs it: `sub` is the id, `name` the username. */
export interface Claimant {
  readonly id: string;
  readonly username: string;
}

/**
 * Tokens an attacker could send, made from a real one and the server's secret (which an attacker
 * lacks: the well-signed ones stand for a leaked key or a bug in the issuer). Every one must be
 * refused on every route.
 */
export function forgedTokens(
  secret: string,
  genuine: string,
  member: Claimant,
  other: Claimant,
): Readonly<Record<string, string>> {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const sign = (claims: object, options: jwt.SignOptions = {}, signingKey: jwt.Secret = key): string =>
    jwt.sign(claims, signingKey, { algorithm: 'HS256', ...options });
  const claims = { sub: member.id, name: member.username };
  const [header, payload, signature] = genuine.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1)!;

  return {
    expired: sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }),
    'expired a second ago': sign({ ...claims, exp: now() - 1 }),
    'not valid yet': sign(claims, { notBefore: 3600 }),
    'signed with another secret': sign(claims, {}, createSecretKey(Buffer.from('not-the-secret', 'utf8'))),
    'signature altered': `${header}.${payload}.${flipped}`,
    'signature dropped': `${header}.${payload}.`,
    'alg none, unsigned': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    'alg None, with the genuine signature': `${b64({ alg: 'None', typ: 'JWT' })}.${payload}.${signature}`,
    'alg HS512 with the right secret': sign(claims, { algorithm: 'HS512' }),
    'alg RS256 header on an HMAC signature': `${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`,
    'sub changed to another member': `${header}.${b64({ ...decoded, sub: other.id, name: other.username })}.${signature}`,
    'roles claim added': `${header}.${b64({ ...decoded, roles: ['admin'] })}.${signature}`,
    'sub not a uuid, well signed': sign({ sub: "' OR 1=1 --", name: member.username }),
    'sub missing, well signed': sign({ name: member.username }),
    'sub a number, well signed': sign({ sub: 42, name: member.username }),
    'member that does not exist, well signed': sign({ sub: randomUUID(), name: 'nobody_here' }),
    'payload not JSON': `${header}.${b64('not json')}.${signature}`,
    'header not JSON': `${b64('{"alg":')}.${payload}.${signature}`,
    'two parts': `${header}.${payload}`,
    'four parts': `${genuine}.${signature}`,
    'one part': 'abcdef',
    'bad base64 in every part': '!!!.@@@.###',
    'huge, three parts': `${header}.${b64('x'.repeat(6000))}.${signature}`,
    'huge, one part': 'A'.repeat(12_000),
    'dots only': '..',
    'genuine with trailing junk': `${genuine}x`,
  };
}

/** Authorization header values that are not a bearer token at all. */
export const MALFORMED_AUTHORIZATION: readonly string[] = [
  '',
  'Bearer',
  'Bearer ',
  'Bearer  two-spaces',
  'Basic dXNlcjpwYXNzd29yZA==',
  'Token abc',
  'Bearer a b c',
  'Bearer \u00ff\u00fe',
];
