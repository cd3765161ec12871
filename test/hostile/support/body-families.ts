import fc from 'fast-check';
import { hostileString, UNKNOWN_NAMES, type Family } from './family.js';
import {
  DEEP_NESTING,
  FALSE_ENCODINGS,
  FOREIGN_BODIES,
  HOSTILE_NUMBERS,
  HUGE_100_KB,
  HUGE_1_MB,
  MALFORMED_JSON,
  RAW_NUMBER_TOKENS,
  WRONG_TYPES,
} from './hostile-values.js';
import { RAW, wrongTypeFor, type Draft } from './request-cases.js';
import { dottedName, fieldPathsOf, kindOf, REMOVE, withValueAt, type FieldPath } from './schema-values.js';
import { deepJson } from './wire.js';

const fieldsOf = (draft: Draft, filter: (field: FieldPath) => boolean = () => true): FieldPath[] =>
  draft.jsonBody && draft.bodySchema ? fieldPathsOf(draft.bodySchema).filter(filter) : [];

const jsonField = (
  name: string,
  filter: (field: FieldPath) => boolean,
  values: (field: FieldPath) => fc.Arbitrary<{ value: unknown; raw?: string }>,
): Family => ({
  name,
  applies: (draft) => fieldsOf(draft, filter).length > 0,
  cases: (draft) =>
    fc
      .constantFrom(...fieldsOf(draft, filter))
      .chain((field) => values(field).map((value) => ({ field, ...value })))
      .map(({ field, value, raw }) =>
        draft.with(name, {
          body: draft.jsonWith(withValueAt(draft.jsonBody!, field.path, raw ? RAW : value), raw),
          field: dottedName(field.path),
        }),
      ),
});

const isKind =
  (...kinds: string[]) =>
  (field: FieldPath) =>
    kinds.includes(kindOf(field.schema));

/** Damage to a request body: JSON fields, the whole body, its content type and encoding. */
export const BODY_FAMILIES: readonly Family[] = [
  {
    name: 'body.missingRequired',
    applies: (draft) => (draft.bodySchema?.required ?? []).length > 0 && draft.jsonBody !== null,
    cases: (draft) =>
      fc.constantFrom(...draft.bodySchema!.required!).map((name) =>
        draft.with('body.missingRequired', {
          body: draft.jsonWith(withValueAt(draft.jsonBody!, [name], REMOVE)),
          field: name,
        }),
      ),
  },
  {
    name: 'body.unknownField',
    applies: (draft) => draft.jsonBody !== null,
    cases: (draft) =>
      fc
        .tuple(fc.constantFrom(...UNKNOWN_NAMES), fc.constantFrom<unknown>(true, 'x', { admin: true }))
        .map(([name, value]) =>
          draft.with('body.unknownField', {
            body: draft.jsonWith(withValueAt(draft.jsonBody!, [name], value)),
            field: name,
          }),
        ),
  },
  jsonField(
    'body.wrongType',
    () => true,
    (field) =>
      fc.constantFrom(...wrongTypeFor(kindOf(field.schema), WRONG_TYPES)).map((value) => ({ value })),
  ),
  jsonField('body.hostileString', isKind('string'), () => hostileString.map((value) => ({ value }))),
  jsonField('body.hostileNumber', isKind('number'), () =>
    fc.oneof(
      fc.constantFrom(...HOSTILE_NUMBERS).map((value) => ({ value })),
      fc.constantFrom(...RAW_NUMBER_TOKENS).map((raw) => ({ value: 0, raw })),
    ),
  ),
  jsonField('body.hugeString', isKind('string'), () => fc.constant({ value: HUGE_100_KB })),
  jsonField('body.longArray', isKind('array'), () =>
    fc.constant({ value: Array.from({ length: 10_001 }, (_, index) => `x${index}`) }),
  ),
  jsonField(
    'body.deep',
    () => true,
    () =>
      fc
        .constantFrom<'object' | 'array'>('object', 'array')
        .map((kind) => ({ value: 0, raw: deepJson(DEEP_NESTING, kind) })),
  ),
  {
    name: 'body.huge',
    once: true,
    applies: () => true,
    cases: (draft) =>
      fc.constant(
        draft.with('body.huge', { body: draft.jsonWith({ ...(draft.jsonBody ?? {}), padding: HUGE_1_MB }) }),
      ),
  },
  {
    name: 'body.deepRoot',
    applies: () => true,
    cases: (draft) =>
      fc.constantFrom<'object' | 'array'>('object', 'array').map((kind) =>
        draft.with('body.deepRoot', {
          body: { contentType: 'application/json', bytes: Buffer.from(deepJson(DEEP_NESTING, kind)) },
        }),
      ),
  },
  {
    name: 'body.notAnObject',
    applies: () => true,
    cases: (draft) =>
      fc
        .constantFrom<unknown>([], [draft.jsonBody ?? {}], 'text', 42, null, true)
        .map((value) => draft.with('body.notAnObject', { body: draft.jsonWith(value) })),
  },
  {
    name: 'body.malformed',
    applies: () => true,
    cases: (draft) =>
      fc
        .constantFrom(...MALFORMED_JSON)
        .map((bytes) => draft.with('body.malformed', { body: { contentType: 'application/json', bytes } })),
  },
  {
    name: 'body.foreignContentType',
    applies: () => true,
    cases: (draft) =>
      fc.constantFrom(...FOREIGN_BODIES).map(({ contentType, body }) =>
        draft.with('body.foreignContentType', {
          body: { contentType, bytes: Buffer.from(body, 'latin1') },
        }),
      ),
  },
  {
    name: 'body.falseEncoding',
    applies: () => true,
    cases: (draft) =>
      fc.constantFrom(...FALSE_ENCODINGS).map((encoding) =>
        draft.with('body.falseEncoding', {
          body: draft.jsonWith(draft.jsonBody ?? {}),
          headers: { 'content-encoding': encoding },
        }),
      ),
  },
  {
    // The validation pipe drops these keys; the spec checks that no prototype gained a property.
    name: 'body.pollution',
    applies: (draft) => draft.jsonBody !== null,
    cases: (draft) =>
      fc.constant(
        draft.with('body.pollution', {
          body: {
            contentType: 'application/json',
            bytes: Buffer.from(
              JSON.stringify({ ...draft.jsonBody, [RAW]: 0 }).replace(
                `"${RAW}":0`,
                '"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}',
              ),
            ),
          },
        }),
      ),
  },
];
