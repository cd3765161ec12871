import {
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersion,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors.js';
import { toActualRevision, toStreamState, translateConflict } from './expected-revision.js';

const clientConflict = (current: 'no_stream' | bigint) =>
  new ClientWrongExpectedVersion(undefined, { streamName: 'film-1', expected: 3n, current });

describe('kurrentdb expected revisions', () => {
  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [4n, 4n],
  ] as const)('sends %p as the stream state %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });

  it('reads the actual revision, a negative one meaning no stream', () => {
    expect(toActualRevision(7n)).toBe(7n);
    expect(toActualRevision(0n)).toBe(0n);
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision('no_stream')).toBe('no_stream');
    expect(toActualRevision(undefined)).toBe('no_stream');
  });

  it("turns the client's conflict into the port's error, keeping the caller's expectation", () => {
    const translated = translateConflict('film-1', 'stream_exists', clientConflict('no_stream'));
    expect(translated).toBeInstanceOf(WrongExpectedVersionError);
    expect(translated).toMatchObject({ streamId: 'film-1', expected: 'stream_exists', actual: 'no_stream' });
    expect(translateConflict('film-1', 3n, clientConflict(5n))).toMatchObject({ expected: 3n, actual: 5n });
  });

  it('leaves other failures as they are', () => {
    const failure = new UnavailableError();
    expect(translateConflict('film-1', 'any', failure)).toBe(failure);
  });
});
