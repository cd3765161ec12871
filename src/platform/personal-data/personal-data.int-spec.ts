import { randomUUID } from 'node:crypto';
import { createEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { createTestDatabase, testEvent, testPool, type TestDatabase } from '#testing';
import type pg from 'pg';
import { MasterKeys } from './master-keys.js';
import { MemberErasedError, MemberKeys } from './member-keys.js';
import { ERASED_TEXT, type PersonalTextRules } from './personal-text-rules.js';
import { SealingEventStore } from './sealing-event-store.js';
import { sealHistory } from './seal-history.js';
import { isSealedText, newDataKey } from './sealed-text.js';

/** A small family of streams like the service's: notes owned by their author, or by nobody. */
const RULES: PersonalTextRules = {
  events: {
    NoteWritten: {
      fields: ['text', 'tags'],
      owner: (data) => (data.official ? null : (data.authorId as string)),
      erased: { tags: [] },
    },
    NoteEdited: { fields: ['text'], owner: 'stream' },
  },
  streams: [
    {
      prefix: 'note-',
      founder: 'NoteWritten',
      owner: (data) => (data.official ? null : (data.authorId as string)),
    },
  ],
};

describe('personal text sealed in the event store (integration)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let raw: EventStore;
  const master = newDataKey();

  const sealing = (masters = new MasterKeys([master])) =>
    new SealingEventStore(raw, new MemberKeys(pool, masters), RULES);

  const read = async (store: EventStore, streamId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  };

  const erase = async (memberId: string) => {
    await pool.query(`INSERT INTO member_erasures (member_id) VALUES ($1)`, [memberId]);
    await pool.query(`DELETE FROM member_keys WHERE member_id = $1`, [memberId]);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
    raw = await createEventStore({ kind: 'postgres', databaseUrl: database.url, applicationName: 'test' });
  });

  afterAll(async () => {
    await raw.close();
    await pool.end();
    await database.drop();
  });

  it('keeps ciphertext in the store and gives readers the text, by stream and by subscription', async () => {
    const author = randomUUID();
    const stream = `note-${randomUUID()}`;
    const store = sealing();
    await store.append(stream, [
      testEvent('NoteWritten', { authorId: author, text: 'private words', tags: ['a', 'b'] }),
    ]);
    await store.append(stream, [testEvent('NoteEdited', { text: 'second words' })]);

    const stored = await read(raw, stream);
    expect(stored.map((event) => [isSealedText(event.data.text), event.data.text])).toEqual([
      [true, expect.objectContaining({ owner: author })],
      [true, expect.objectContaining({ owner: author })],
    ]);
    expect(JSON.stringify(stored.map((event) => event.data))).not.toMatch(/private words|second words/);
    expect(isSealedText(stored[0]!.data.tags)).toBe(true);

    // A second process (nothing remembered) reads the same text.
    expect((await read(sealing(), stream)).map((event) => event.data)).toEqual([
      { authorId: author, text: 'private words', tags: ['a', 'b'] },
      { text: 'second words' },
    ]);
    const subscribed: RecordedEvent[] = [];
    for await (const batch of sealing().subscribe({ from: null })) {
      subscribed.push(...batch.events.filter((event) => event.streamId === stream));
      if (batch.caughtUp) break;
    }
    expect(subscribed.map((event) => event.data.text)).toEqual(['private words', 'second words']);
  });

  it('leaves text that belongs to nobody plain', async () => {
    const stream = `note-${randomUUID()}`;
    await sealing().append(stream, [testEvent('NoteWritten', { official: true, text: 'site words' })]);
    await sealing().append(stream, [testEvent('NoteEdited', { text: 'more site words' })]);
    expect((await read(raw, stream)).map((event) => event.data.text)).toEqual([
      'site words',
      'more site words',
    ]);
  });

  it('reads an erased member’s text as erased, and never makes them a key again', async () => {
    const author = randomUUID();
    const other = randomUUID();
    const mine = `note-${randomUUID()}`;
    const theirs = `note-${randomUUID()}`;
    const store = sealing();
    await store.append(mine, [
      testEvent('NoteWritten', { authorId: author, text: 'gone soon', tags: ['x'] }),
    ]);
    await store.append(theirs, [testEvent('NoteWritten', { authorId: other, text: 'stays' })]);
    await erase(author);

    const fresh = sealing();
    expect((await read(fresh, mine))[0]!.data).toEqual({ authorId: author, text: ERASED_TEXT, tags: [] });
    expect((await read(fresh, theirs))[0]!.data.text).toBe('stays');
    await expect(new MemberKeys(pool, new MasterKeys([master])).keyFor(author)).rejects.toThrow(
      MemberErasedError,
    );
  });

  it('gives every process the same key when many ask for a member’s first key at once', async () => {
    const pools = Array.from({ length: 6 }, () => testPool(database, 1));
    try {
      const processes = pools.map((own) => new MemberKeys(own, new MasterKeys([master])));
      for (let round = 0; round < 30; round += 1) {
        const member = randomUUID();
        const keys = await Promise.all(processes.map((keys) => keys.keyFor(member)));
        expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
      }
    } finally {
      await Promise.all(pools.map((own) => own.end()));
    }
  });

  it('re-wraps every key under a new master key, after which the old one is not needed', async () => {
    const author = randomUUID();
    const stream = `note-${randomUUID()}`;
    await sealing().append(stream, [testEvent('NoteWritten', { authorId: author, text: 'rotated' })]);
    const next = newDataKey();
    const rewrapped = await new MemberKeys(pool, new MasterKeys([next, master])).rewrapAll();
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    expect(await new MemberKeys(pool, new MasterKeys([next, master])).rewrapAll()).toBe(0);
    expect((await read(sealing(new MasterKeys([next])), stream))[0]!.data.text).toBe('rotated');
    await expect(read(sealing(new MasterKeys([master])), stream)).rejects.toThrow(/master key/);
    // Later tests seal with the first master key again.
    await new MemberKeys(pool, new MasterKeys([master, next])).rewrapAll();
  });

  it('seals the plain history in place, once, and readers see the same text', async () => {
    const author = randomUUID();
    const stream = `note-${randomUUID()}`;
    await raw.append(stream, [
      testEvent('NoteWritten', { authorId: author, text: 'old plain', tags: ['t'] }),
    ]);
    await raw.append(stream, [testEvent('NoteEdited', { text: 'old edit' })]);
    expect((await read(sealing(), stream)).map((event) => event.data.text)).toEqual([
      'old plain',
      'old edit',
    ]);

    const keys = new MemberKeys(pool, new MasterKeys([master]));
    expect((await sealHistory(pool, keys, RULES)).sealed).toBeGreaterThanOrEqual(2);
    const stored = await read(raw, stream);
    expect(stored.every((event) => isSealedText(event.data.text))).toBe(true);
    expect((await read(sealing(), stream)).map((event) => event.data)).toEqual([
      { authorId: author, text: 'old plain', tags: ['t'] },
      { text: 'old edit' },
    ]);
    expect(await sealHistory(pool, keys, RULES)).toEqual({ sealed: 0, skipped: 0 });
  });
});
