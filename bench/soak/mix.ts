import { SeededRandom } from '../../src/common/seeded-random.js';
import { REPORT_REASONS } from '../../src/modules/comments/domain/comment.events.js';
import { searchQueries } from '../catalogue/search-queries.js';
import type { Reader } from '../social/members.js';
import type { SoakRequest } from './http.js';
import type { SoakSeed } from './seed.js';

const DAY_MS = 86_400_000;
const MARKS = ['check', 'favourite', 'dislike', 'watchlist'] as const;
/** Comments kept to edit and report: the newest ones, as people react to what they just read. */
const RECENT_COMMENTS = 1_000;

interface RecentComment {
  readonly id: string;
  readonly author: Reader;
  readonly reporters: Set<string>;
}

interface EditedList {
  readonly id: string;
  readonly owner: Reader;
  /** Films on it as far as the load knows: a removal picks one of these. */
  readonly films: Set<string>;
}

/**
 * The soak's requests, drawn at random in these shares: about four in ten are commands (marks,
 * follows, comments, reports, list edits), the rest the reads of film pages, feeds, lists,
 * profiles and search. Commands are chosen to succeed: a report names a comment its reporter did
 * not write nor report yet, and stops before the auto-hide threshold (a hidden comment does not
 * take reports); a removal names a film the list holds.
 */
export class SoakMix {
  private readonly random = new SeededRandom(2_026_0901);
  private readonly choices: readonly (readonly [number, () => SoakRequest])[];
  private readonly total: number;
  private readonly searches: readonly string[];
  private readonly lists: readonly EditedList[];
  private readonly recent: RecentComment[] = [];
  /** Reporters a comment may still take before the service hides it. */
  private readonly reportsBeforeHiding: number;

  constructor(
    private readonly seed: SoakSeed,
    private readonly readers: readonly Reader[],
    autoHideReports: number,
  ) {
    this.reportsBeforeHiding = autoHideReports - 1;
    this.searches = searchQueries(200, seed.directorNames).map((query) => query.path);
    this.lists = seed.lists.map((list, index) => ({
      id: list.id,
      owner: readers[index]!,
      films: new Set(seed.listFilms),
    }));
    this.choices = [
      [20, () => this.tap()],
      [5, () => this.follow()],
      [4, () => this.postComment()],
      [1, () => this.editComment()],
      [3, () => this.report()],
      [6, () => this.editList()],
      [9, () => this.filmRead('film stats', '/stats')],
      [5, () => ({ kind: 'film page', method: 'GET', path: `/api/v1/films/${this.film().slug}` })],
      [7, () => this.filmRead('film activity', '/activity')],
      [6, () => this.filmRead('film comments', '/comments')],
      [3, () => this.filmRead('film lists', '/lists')],
      [3, () => ({ ...this.filmRead('film friends', '/friends'), token: this.reader().token })],
      [8, () => ({ kind: 'feed', method: 'GET', path: '/api/v1/feed', token: this.reader().token })],
      [5, () => this.listPage()],
      [6, () => ({ kind: 'search', method: 'GET', path: this.random.pick(this.searches) })],
      [4, () => ({ kind: 'profile', method: 'GET', path: `/api/v1/users/${this.member().username}` })],
      [
        4,
        () => ({
          kind: 'my film state',
          method: 'GET',
          path: `/api/v1/me/films/${this.film().id}`,
          token: this.reader().token,
        }),
      ],
      [
        1,
        () => ({
          kind: "member's lists",
          method: 'GET',
          path: `/api/v1/users/${this.random.pick(this.lists).owner.username}/lists`,
        }),
      ],
    ];
    this.total = this.choices.reduce((sum, [weight]) => sum + weight, 0);
  }

  next(): SoakRequest {
    let roll = this.random.next() * this.total;
    for (const [weight, make] of this.choices) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return this.choices[0]![1]();
  }

  /** Popular films more often, with the seed's power law. */
  private film(): { id: string; slug: string } {
    const films = this.seed.films;
    return films[Math.floor(films.length * this.random.next() ** 2.5)]!;
  }

  private reader(): Reader {
    return this.random.pick(this.readers);
  }

  private member() {
    return this.random.pick(this.seed.members);
  }

  private filmRead(kind: string, suffix: string): SoakRequest {
    return { kind, method: 'GET', path: `/api/v1/films/${this.film().id}${suffix}` };
  }

  private tap(): SoakRequest {
    const mark = this.random.pick(MARKS);
    const put = this.random.chance(0.6);
    const dated = put && mark === 'check' && this.random.chance(0.5);
    const watchedOn = new Date(Date.now() - this.random.int(1, 5 * 365) * DAY_MS).toISOString().slice(0, 10);
    return {
      kind: 'mark',
      method: put ? 'PUT' : 'DELETE',
      path: `/api/v1/films/${this.film().id}/${mark}`,
      token: this.reader().token,
      ...(dated ? { body: { watchedOn } } : {}),
    };
  }

  private follow(): SoakRequest {
    const follower = this.reader();
    let followee = this.member();
    while (followee.id === follower.id) followee = this.member();
    return {
      kind: 'follow',
      method: this.random.chance(0.7) ? 'PUT' : 'DELETE',
      path: `/api/v1/users/${followee.username}/follow`,
      token: follower.token,
    };
  }

  private postComment(): SoakRequest {
    const author = this.reader();
    const body = `Seen it again. ${'Still worth it. '.repeat(this.random.int(0, 20))}`.trim();
    return {
      kind: 'post comment',
      method: 'POST',
      path: `/api/v1/films/${this.film().id}/comments`,
      token: author.token,
      body: { body },
      onAnswer: (status, answer) => {
        if (status !== 201) return;
        const { id } = JSON.parse(answer) as { id: string };
        this.recent.push({ id, author, reporters: new Set() });
        if (this.recent.length > RECENT_COMMENTS) this.recent.shift();
      },
    };
  }

  private editComment(): SoakRequest {
    const comment = this.recent.length > 0 ? this.random.pick(this.recent) : undefined;
    if (!comment) return this.postComment();
    return {
      kind: 'edit comment',
      method: 'PATCH',
      path: `/api/v1/comments/${comment.id}`,
      token: comment.author.token,
      body: { body: `Edited: ${this.random.int(1, 1_000_000)}` },
    };
  }

  private report(): SoakRequest {
    const open = this.recent.filter((comment) => comment.reporters.size < this.reportsBeforeHiding);
    const comment = open.length > 0 ? this.random.pick(open) : undefined;
    const reporter = this.reader();
    if (!comment || reporter.id === comment.author.id || comment.reporters.has(reporter.id))
      return this.postComment();
    comment.reporters.add(reporter.id);
    return {
      kind: 'report comment',
      method: 'POST',
      path: `/api/v1/comments/${comment.id}/reports`,
      token: reporter.token,
      body: { reason: this.random.pick(REPORT_REASONS) },
    };
  }

  /** Moves or adds a film (a rank past the end adds it last); now and then takes one off. */
  private editList(): SoakRequest {
    const list = this.random.pick(this.lists);
    const base = { kind: 'edit list', token: list.owner.token } as const;
    if (this.random.chance(0.25) && list.films.size > this.seed.listFilms.length / 2) {
      const filmId = this.random.pick([...list.films]);
      list.films.delete(filmId);
      return { ...base, method: 'DELETE', path: `/api/v1/lists/${list.id}/items/${filmId}` };
    }
    const filmId = this.seed.films[this.random.int(0, this.seed.listFilms.length * 2 - 1)]!.id;
    list.films.add(filmId);
    return {
      ...base,
      method: 'PUT',
      path: `/api/v1/lists/${list.id}/items/${filmId}`,
      body: { rank: this.random.int(1, list.films.size) },
    };
  }

  private listPage(): SoakRequest {
    const id = this.random.chance(0.3) ? this.seed.officialListId : this.random.pick(this.lists).id;
    return { kind: 'list page', method: 'GET', path: `/api/v1/lists/${id}`, token: this.reader().token };
  }
}
