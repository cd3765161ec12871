import type { RecordedEvent } from '#event-store';
import { evolveModeration, foldTouchedRows, isVisible, type PostedTextRow } from './posted-text-rows.js';

const KIND = { noun: 'note', prefix: 'Note' };
const row: PostedTextRow = {
  id: 'b',
  film_id: 'film',
  author_id: 'author',
  created_at: '2024-01-01T00:00:00.000Z',
  edited_at: null,
  hidden: false,
  deleted_at: null,
};
const event = (type: string, id = 'b', occurredAt = '2024-02-02T00:00:00.000Z') =>
  ({ type, streamId: `note-${id}`, data: {}, metadata: { occurredAt } }) as unknown as RecordedEvent;

describe('posted text rows', () => {
  it('folds the facts every kind shares, and leaves a kind’s own to it', () => {
    expect(evolveModeration(KIND, row, event('NoteHidden'))).toMatchObject({ hidden: true });
    expect(evolveModeration(KIND, row, event('NoteAutoHidden'))).toMatchObject({ hidden: true });
    const hidden = { ...row, hidden: true };
    expect(evolveModeration(KIND, hidden, event('NoteRestored'))).toMatchObject({ hidden: false });
    expect(evolveModeration(KIND, hidden, event('NoteReportsDismissed'))).toMatchObject({ hidden: false });
    expect(evolveModeration(KIND, row, event('NoteDeleted'))).toMatchObject({
      deleted_at: '2024-02-02T00:00:00.000Z',
    });
    expect(evolveModeration(KIND, row, event('NoteEdited'))).toBe(row);
    expect(evolveModeration(KIND, row, event('CommentHidden'))).toBe(row);
  });

  it('is visible unless hidden or deleted', () => {
    expect(isVisible(row)).toBe(true);
    expect(isVisible({ ...row, hidden: true })).toBe(false);
    expect(isVisible({ ...row, deleted_at: '2024-02-02T00:00:00.000Z' })).toBe(false);
    expect(isVisible(undefined)).toBe(false);
  });

  it('answers the rows a batch changed, in id order, and none it left as they were', () => {
    const other = { ...row, id: 'a' };
    const before = new Map([
      ['b', row],
      ['a', other],
    ]);
    const idOf = (recorded: RecordedEvent) => recorded.streamId.slice('note-'.length);
    const evolve = (current: PostedTextRow | undefined, recorded: RecordedEvent) =>
      current && evolveModeration(KIND, current, recorded);

    const changed = foldTouchedRows(
      before,
      [event('NoteHidden', 'b'), event('NoteHidden', 'a'), event('NoteEdited', 'c')],
      idOf,
      evolve,
    );
    expect(changed.map((changedRow) => [changedRow.id, changedRow.hidden])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(foldTouchedRows(before, [event('NoteEdited', 'b')], idOf, evolve)).toEqual([]);
  });
});
