import type { ListSummary, PublicListSummary } from '../../modules/lists/lists.response.js';
import { memberHref } from '../home/activity-views.js';
import { count } from '../views/numbers.js';

const VISIBILITY_NAMES = { private: 'Private', friends: 'Friends only', public: 'Public' } as const;

/**
 * A list in a list of lists: its title, size and kind, how many members have seen its films (in
 * the lists index), its owner where the page is not theirs, and the reader's progress on it when
 * signed in.
 */
export function ListEntry({
  list,
  withOwner = false,
}: {
  readonly list: ListSummary | PublicListSummary;
  readonly withOwner?: boolean;
}) {
  const details = [
    `${count(list.size)} ${list.size === 1 ? 'film' : 'films'}`,
    list.ranked ? 'ranked' : null,
    list.official ? 'official' : VISIBILITY_NAMES[list.visibility],
    'viewers' in list && list.viewers > 0
      ? `seen by ${count(list.viewers)} ${list.viewers === 1 ? 'member' : 'members'}`
      : null,
  ].filter(Boolean);
  return (
    <li class="list-entry">
      <a href={`/list/${encodeURIComponent(list.id)}`}>{list.title}</a>{' '}
      <span class="muted">{details.join(' · ')}</span>
      {withOwner && !list.official && (
        <span class="muted">
          {' '}
          by <a href={memberHref(list.owner.username)}>{list.owner.username}</a>
        </span>
      )}
      {list.progress && (
        <span class="list-progress">
          {` You have seen ${count(list.progress.checked)} of ${count(list.progress.total)} (${list.progress.percent}%)`}
          {list.progress.award && <> · {list.progress.award} award</>}
        </span>
      )}
    </li>
  );
}
