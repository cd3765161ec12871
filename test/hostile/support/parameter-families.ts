import fc from 'fast-check';
import { hostileString, UNKNOWN_NAMES, type Family } from './family.js';
import {
  BAD_CURSORS,
  BAD_LIMITS,
  BAD_PATH_SEGMENTS,
  BAD_POSITIONS,
  FUTURE_POSITION,
  HOSTILE_NUMBERS,
  HUGE_100_KB,
} from './hostile-values.js';
import type { Parameter } from '../../support/openapi.js';
import { kindOf } from './schema-values.js';
import { headerSafe } from './wire.js';

const parameterFamily = (
  name: string,
  location: Parameter['in'],
  filter: (parameter: Parameter) => boolean,
  values: (parameter: Parameter) => fc.Arbitrary<string | { raw: string }>,
  slow = false,
): Family => ({
  name,
  once: slow,
  slow,
  applies: (draft) => draft.parameters(location).some(filter),
  cases: (draft) =>
    fc
      .constantFrom(...draft.parameters(location).filter(filter))
      .chain((parameter) => values(parameter).map((value) => ({ parameter, value })))
      .map(({ parameter, value }) => {
        if (location === 'path') return draft.with(name, { pathValues: { [parameter.name]: value } });
        if (location === 'query') {
          const others = draft.query.filter(([key]) => key !== parameter.name);
          return draft.with(name, { query: [...others, [parameter.name, value]], field: parameter.name });
        }
        const text = typeof value === 'string' ? headerSafe(value) : value.raw;
        return draft.with(name, { headers: { [parameter.name]: text }, field: parameter.name });
      }),
});

const named =
  (...names: string[]) =>
  (parameter: Parameter) =>
    names.includes(parameter.name);
const any = () => true;

/** Damage to path segments, query parameters and headers. */
export const PARAMETER_FAMILIES: readonly Family[] = [
  parameterFamily('path.badSegment', 'path', any, () => fc.constantFrom(...BAD_PATH_SEGMENTS)),
  parameterFamily('path.hostile', 'path', any, () => hostileString.filter((text) => text.length > 0)),
  parameterFamily('query.badLimit', 'query', named('limit'), () => fc.constantFrom(...BAD_LIMITS)),
  parameterFamily('query.badCursor', 'query', named('cursor'), () => fc.constantFrom(...BAD_CURSORS)),
  parameterFamily('query.hostile', 'query', any, () => hostileString),
  parameterFamily(
    'query.badNumber',
    'query',
    (p) => kindOf(p.schema) === 'number',
    () => fc.constantFrom(...BAD_LIMITS, ...HOSTILE_NUMBERS.map(String)),
  ),
  parameterFamily('query.huge', 'query', any, () => fc.constant(HUGE_100_KB.slice(0, 6_000))),
  parameterFamily('header.badPosition', 'header', named('X-Consistent-With'), () =>
    fc.constantFrom(...BAD_POSITIONS),
  ),
  parameterFamily('header.hostile', 'header', any, () =>
    fc.oneof(hostileString, fc.constant('k'.repeat(5_000))),
  ),
  parameterFamily(
    'header.futurePosition',
    'header',
    named('X-Consistent-With'),
    () => fc.constant(FUTURE_POSITION),
    true,
  ),
  {
    name: 'query.unknown',
    applies: () => true,
    cases: (draft) =>
      fc
        .constantFrom(...UNKNOWN_NAMES.filter(Boolean))
        .map((name) => draft.with('query.unknown', { query: [...draft.query, [name, '1']] })),
  },
  {
    name: 'query.repeated',
    applies: (draft) => draft.parameters('query').length > 0,
    cases: (draft) =>
      fc.constantFrom(...draft.parameters('query')).map((parameter) =>
        draft.with('query.repeated', {
          query: [...draft.query, [parameter.name, '1'], [parameter.name, '2']],
          field: parameter.name,
        }),
      ),
  },
];

/** Past Node's 16 KiB header limit: answered by the HTTP server before any route sees it. */
export const OVERSIZED_FAMILIES: readonly Family[] = [
  {
    name: 'request.hugeUrl',
    once: true,
    applies: () => true,
    cases: (draft) =>
      fc.constant(draft.with('request.hugeUrl', { query: [...draft.query, ['q', HUGE_100_KB]] })),
  },
  {
    name: 'request.hugeHeader',
    once: true,
    applies: () => true,
    cases: (draft) =>
      fc
        .constantFrom('X-Consistent-With', 'Idempotency-Key', 'X-Anything')
        .map((name) => draft.with('request.hugeHeader', { headers: { [name]: HUGE_100_KB } })),
  },
];
