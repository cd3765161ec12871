/** Hostile values, grouped by what they attack; the request generator draws from these pools. */

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

export const HUGE_100_KB = 'x'.repeat(100_000);
export const HUGE_1_MB = 'y'.repeat(1_000_000);
export const DEEP_NESTING = 10_000;

/** Text that breaks naive handling of unicode: lone surrogates, NUL, bidi overrides, emoji, combining marks. */
export const UNICODE_EDGES: readonly string[] = [
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  'nul\u0000inside',
  '\u0000',
  '\u202Egnp.exe',
  '\u202B\u05E9\u05DC\u05D5\u05DD\u202C',
  '😀🎬👨‍👩‍👧‍👦🏳️‍🌈',
  'e' + '\u0301'.repeat(200),
  'Z̷̧̛̛͇̱̗a̵̢̧̛͍l̸̨̛͎g̷̢̛o̵̧̢',
  '\uFEFFbom',
  '\u200B\u200C\u200D\u2060',
  '\uFFFE\uFFFF',
  '\u0085\u2028\u2029',
  '\r\n\t\u000B\u000C',
  '   ',
  '',
  '\u00C0\u00AF',
  '\u{10FFFF}\u{E0001}',
  'Ａ＇ＯＲ＇１＇＝＇１',
  'İıſ\u212A',
  '\u0660\u0661\u0662',
];

/** SQL and script payloads: stored and answered as plain data, never executed. */
export const INJECTIONS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '1; SELECT pg_sleep(10)--',
  "' UNION SELECT password_hash FROM members--",
  '" OR ""="',
  "\\'; --",
  '%_%',
  '$$; DELETE FROM members; $$',
  "E'\\x00'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  '[object Object]',
  '%s%n%x%d',
  'null',
  'undefined',
];

/** Strings that look like numbers or values of other types. */
export const TYPE_CONFUSIONS: readonly string[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '0',
  '1.5',
  '0x10',
  '1_000',
  'true',
  '9'.repeat(400),
];

export const HOSTILE_STRINGS: readonly string[] = [...UNICODE_EDGES, ...INJECTIONS, ...TYPE_CONFUSIONS];

/** JSON numbers at the edges; `raw` ones are written into the body text as is. */
export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  1.5,
  0.0001,
  -1e308,
  1e308,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 64,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];
/** Number tokens JSON.parse reads as Infinity or as a float past precision. */
export const RAW_NUMBER_TOKENS: readonly string[] = [
  '1e999',
  '-1e999',
  '123456789012345678901234567890',
  '1E-400',
];

/** A value of every JSON type but the one asked for (filtered by the caller). */
export const WRONG_TYPES: readonly unknown[] = [
  'text',
  '',
  42,
  -7.25,
  true,
  false,
  null,
  [],
  ['x', 1, null],
  {},
  { $ne: null },
  JSON.parse('{"__proto__":{"admin":true}}') as unknown,
  [[[[[]]]]],
];

/** Path segments that are not ids or slugs; `raw` entries are already percent-encoded. */
export const BAD_PATH_SEGMENTS: readonly { readonly raw: string }[] = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '4f6b0d7e-9c1a-4d2b-8e3f-5a6b7c8d9e0f0',
  '4f6b0d7e9c1a4d2b8e3f5a6b7c8d9e0f',
  '%7B4f6b0d7e-9c1a-4d2b-8e3f-5a6b7c8d9e0f%7D',
  '4F6B0D7E-9C1A-4D2B-8E3F-5A6B7C8D9E0F',
  'g0000000-0000-0000-0000-000000000000',
  '1',
  '-1',
  '1.5',
  'NaN',
  '9'.repeat(40),
  '%27%20OR%20%271%27%3D%271',
  '1%3B%20SELECT%20pg_sleep(10)--',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%00',
  'a%00b',
  '%C0%AF',
  '%ED%A0%80',
  '%E0%A4%A',
  '%FF%FE',
  '%',
  '%%',
  '%ZZ',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..',
  '.',
  '%20',
  '%E2%80%AEgnp.exe',
  '%F0%9F%98%80',
  'e%CC%81%CC%81%CC%81',
  '__proto__',
  'constructor',
  'a'.repeat(2000),
  '%F4%90%80%80',
].map((raw) => ({ raw }));

const ISO_TIME = '2024-03-01T10:01:00.123456Z';
const SOME_UUID = '4f6b0d7e-9c1a-4d2b-8e3f-5a6b7c8d9e0f';

/** Cursors this API never gave out: junk, base64 of junk, base64 of JSON of the wrong shape, forged ones. */
export const BAD_CURSORS: readonly string[] = [
  'junk',
  '!!!!',
  '====',
  'a+b/c==',
  b64('junk'),
  b64('{'),
  b64('null'),
  b64('{}'),
  b64('[]'),
  b64('[1,2]'),
  b64('[null,null]'),
  b64('"a string"'),
  b64('{"at":"2024-01-01","id":1}'),
  b64(JSON.stringify([ISO_TIME])),
  b64(JSON.stringify([ISO_TIME, SOME_UUID, 1])),
  b64(JSON.stringify([ISO_TIME, 'not-a-uuid'])),
  b64(JSON.stringify([ISO_TIME, SOME_UUID.toUpperCase()])),
  b64(JSON.stringify(['2024-13-45T99:99:99.999999Z', SOME_UUID])),
  b64(JSON.stringify(['infinity', SOME_UUID])),
  b64(JSON.stringify([-1e308, SOME_UUID])),
  b64(JSON.stringify([SOME_UUID, ISO_TIME])),
  b64(JSON.stringify([1e308, 'x', -1, null])),
  b64(JSON.stringify(['\u0000', '\uD800'])),
  b64(JSON.stringify(["' OR 1=1--", "'; DROP TABLE events; --"])),
  b64(JSON.stringify([{ $gt: '' }, [SOME_UUID]])),
  b64('['.repeat(5000) + ']'.repeat(5000)),
  b64(JSON.stringify(Array.from({ length: 1000 }, () => SOME_UUID))),
  'A'.repeat(10_000),
  '\uD800',
  '',
];

/** `?limit=` values that are not a whole number from 1 to 100. */
export const BAD_LIMITS: readonly string[] = [
  '-1',
  '0',
  '101',
  '1000000',
  '1.5',
  'NaN',
  'Infinity',
  '1e3',
  '1e-7',
  'abc',
  '',
  ' 1',
  '0x10',
  '99999999999999999999',
  '-0',
  '+5',
];

/** Values of X-Consistent-With that are not positions a command returned (header-safe characters only). */
export const BAD_POSITIONS: readonly string[] = [
  'abc',
  '1',
  '1.',
  '.1',
  '-1.1',
  '1.-1',
  '1.2.3',
  '1e3.1',
  '0x1.1',
  '1.1; DROP TABLE events',
  '9'.repeat(21) + '.1',
  '1.' + '9'.repeat(20),
  'NaN.NaN',
  '\u00ff\u00fe',
  Buffer.from('😀.1', 'utf8').toString('latin1'),
  '1.1, 2.2',
  '  ',
];
/** A well-formed position far past the end of the store: the read waits its bounded time, then answers stale. */
export const FUTURE_POSITION = '99999999999999999999.9999999999999999999';

/** Content types a JSON endpoint does not take, with a body of that kind. */
export const FOREIGN_BODIES: readonly { readonly contentType: string; readonly body: string }[] = [
  { contentType: 'text/plain', body: '{"title":"plain"}' },
  { contentType: 'application/x-www-form-urlencoded', body: 'title=form&ranked=true&__proto__[admin]=1' },
  {
    contentType: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  },
  {
    contentType: 'multipart/form-data; boundary=zzz',
    body: '--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--zzz--\r\n',
  },
  { contentType: 'application/json; charset=utf-16', body: '{"title":"x"}' },
  { contentType: 'application/json; charset=klingon', body: '{"title":"x"}' },
  { contentType: 'application/octet-stream', body: '\u0000\u0001\u0002' },
  { contentType: 'application/jsonx', body: '{}' },
  { contentType: 'image/png', body: '\u0089PNG\r\n' },
];

/** Bodies that claim to be JSON and are not. */
export const MALFORMED_JSON: readonly Buffer[] = [
  '{"title": ',
  '{"title": "x",}',
  "{'title': 'x'}",
  '{"title": NaN}',
  '{"title": undefined}',
  '{title: "x"}',
  '[1, 2',
  '}',
  'nul',
  '"unterminated',
  '{"a":1}{"b":2}',
  '\uFEFF{"title":"bom"}',
  '{"title":"\\uZZZZ"}',
  '{"title":"\\ud800"}',
]
  .map((text) => Buffer.from(text, 'utf8'))
  .concat([
    Buffer.alloc(0),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]),
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  ]);

/** Bodies whose content encoding is claimed but false, or unknown. */
export const FALSE_ENCODINGS: readonly string[] = ['gzip', 'deflate', 'br', 'compress', 'klingon'];
