import fc from 'fast-check';
import type { Family } from './family.js';
import { HOSTILE_STRINGS, HUGE_100_KB, INJECTIONS, UNICODE_EDGES } from './hostile-values.js';
import type { Draft } from './request-cases.js';
import { MULTIPART_BOUNDARY, multipartBody, type MultipartPart } from './wire.js';

const filePartsOf = (draft: Draft): MultipartPart[] =>
  (draft.parts ?? []).filter((part) => part.fileName !== undefined);
const textPropertiesOf = (draft: Draft): string[] =>
  Object.entries(draft.bodySchema?.properties ?? {})
    .filter(([, schema]) => schema.format !== 'binary')
    .map(([name]) => name);

const withParts = (draft: Draft, family: string, parts: readonly MultipartPart[], field?: string) =>
  draft.with(family, { body: draft.multipart(parts), ...(field !== undefined ? { field } : {}) });

/** File contents an importer must refuse or read safely. */
const HOSTILE_FILES: readonly Buffer[] = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff, 0x00, 0x00, 0x13, 0x37]),
  Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from(
    'Title,Year\n' +
      [...INJECTIONS, ...UNICODE_EDGES].map((text) => `"${text.replace(/"/g, '""')}",2008`).join('\n'),
  ),
  Buffer.from('Const,Title,Year\n"unterminated,1999\n'),
  Buffer.from(`Title,Year\n${HUGE_100_KB},-1\n`),
  Buffer.from('\uFEFFName,Year,Letterboxd URI\nParis,99999999999999999999,javascript:alert(1)\n'),
  Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a, 0x00, 0x00]),
];

export const MULTIPART_FAMILIES: readonly Family[] = [
  {
    name: 'multipart.missingRequired',
    applies: (draft) => (draft.parts ?? []).length > 0,
    cases: (draft) =>
      fc.constantFrom(...draft.parts!).map((missing) =>
        withParts(
          draft,
          'multipart.missingRequired',
          draft.parts!.filter((part) => part !== missing),
          missing.name,
        ),
      ),
  },
  {
    name: 'multipart.unknownField',
    applies: (draft) => draft.parts !== null,
    cases: (draft) =>
      fc
        .constantFrom('isAdmin', 'ownerId', 'x-y', 'a b')
        .map((name) =>
          withParts(draft, 'multipart.unknownField', [...draft.parts!, { name, content: 'true' }], name),
        ),
  },
  {
    // The parser drops these names (no prototype is reached), so no field needs naming.
    name: 'multipart.pollution',
    applies: (draft) => draft.parts !== null,
    cases: (draft) =>
      fc
        .constantFrom('__proto__', '__proto__[admin]', 'constructor[prototype][admin]')
        .map((name) => withParts(draft, 'multipart.pollution', [...draft.parts!, { name, content: 'true' }])),
  },
  {
    name: 'multipart.badValue',
    applies: (draft) => draft.parts !== null && textPropertiesOf(draft).length > 0,
    cases: (draft) =>
      fc
        .tuple(
          fc.constantFrom(...textPropertiesOf(draft)),
          fc.constantFrom(...HOSTILE_STRINGS.filter(Boolean), HUGE_100_KB),
        )
        .map(([name, value]) =>
          withParts(draft, 'multipart.badValue', [...draft.parts!, { name, content: value }], name),
        ),
  },
  {
    name: 'multipart.emptyFile',
    applies: (draft) => filePartsOf(draft).length > 0,
    cases: (draft) =>
      fc.constantFrom(...filePartsOf(draft)).map((file) =>
        withParts(
          draft,
          'multipart.emptyFile',
          draft.parts!.map((part) => (part === file ? { ...part, content: '' } : part)),
          file.name,
        ),
      ),
  },
  {
    name: 'multipart.hostileFile',
    applies: (draft) => filePartsOf(draft).length > 0,
    cases: (draft) =>
      fc
        .tuple(fc.constantFrom(...filePartsOf(draft)), fc.constantFrom(...HOSTILE_FILES))
        .map(([file, content]) =>
          withParts(
            draft,
            'multipart.hostileFile',
            draft.parts!.map((part) => (part === file ? { ...part, content } : part)),
          ),
        ),
  },
  {
    name: 'multipart.hostileFileName',
    applies: (draft) => filePartsOf(draft).length > 0,
    cases: (draft) =>
      fc
        .tuple(
          fc.constantFrom(...filePartsOf(draft)),
          fc.constantFrom(
            '../../../../etc/passwd',
            '..\\..\\boot.ini',
            'a\u0000.csv',
            'x'.repeat(5000) + '.csv',
            ...HOSTILE_STRINGS,
          ),
        )
        .map(([file, fileName]) =>
          withParts(
            draft,
            'multipart.hostileFileName',
            draft.parts!.map((part) =>
              part === file ? { ...part, fileName: Buffer.from(fileName, 'utf8').toString('latin1') } : part,
            ),
          ),
        ),
  },
  {
    name: 'multipart.fileAsText',
    applies: (draft) => filePartsOf(draft).length > 0,
    cases: (draft) =>
      fc.constantFrom(...filePartsOf(draft)).map((file) =>
        withParts(
          draft,
          'multipart.fileAsText',
          draft.parts!.map((part) =>
            part === file ? { name: part.name, content: String(part.content) } : part,
          ),
          file.name,
        ),
      ),
  },
  {
    // Refused for the count of files (body) or the unexpected field, whichever the parser meets first.
    name: 'multipart.extraFile',
    applies: (draft) => filePartsOf(draft).length > 0,
    cases: (draft) =>
      fc
        .constantFrom('upload', 'files[]', filePartsOf(draft)[0]!.name)
        .map((name) =>
          withParts(draft, 'multipart.extraFile', [...draft.parts!, { ...filePartsOf(draft)[0]!, name }]),
        ),
  },
  {
    name: 'multipart.tooManyParts',
    applies: (draft) => draft.parts !== null,
    cases: (draft) =>
      fc
        .integer({ min: 5, max: 2000 })
        .map((count) =>
          withParts(draft, 'multipart.tooManyParts', [
            ...draft.parts!,
            ...Array.from({ length: count }, (_, index) => ({ name: `f${index}`, content: 'x' })),
          ]),
        ),
  },
  {
    name: 'multipart.malformed',
    applies: (draft) => draft.parts !== null,
    cases: (draft) => {
      const valid = multipartBody(draft.parts!);
      return fc
        .constantFrom(
          {
            contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
            bytes: valid.subarray(0, valid.length / 2),
          },
          { contentType: 'multipart/form-data', bytes: valid },
          { contentType: 'multipart/form-data; boundary=other', bytes: valid },
          {
            contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
            bytes: Buffer.from('garbage'),
          },
          { contentType: `multipart/mixed; boundary=${MULTIPART_BOUNDARY}`, bytes: valid },
          {
            contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
            bytes: Buffer.from(
              `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${MULTIPART_BOUNDARY}--\r\n`,
            ),
          },
        )
        .map((body) => draft.with('multipart.malformed', { body }));
    },
  },
];
