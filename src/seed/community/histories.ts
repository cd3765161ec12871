import type { CatalogueFilm } from './catalogue-film.js';
import { daysBefore } from './dates.js';
import { popularityWeights, type SeededRandom } from '../../common/seeded-random.js';

/** One tap on a film, in the film log's own command shapes. */
export type FilmMark =
  | { readonly type: 'CheckFilm'; readonly watchedOn: string }
  | { readonly type: 'FavouriteFilm' }
  | { readonly type: 'DislikeFilm' }
  | { readonly type: 'AddFilmToWatchlist' }
  | { readonly type: 'RateFilm'; readonly rating: number };

export interface FilmAction {
  readonly film: string;
  readonly mark: FilmMark;
}

export interface DiaryEntryDraft {
  readonly film: string;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
  readonly review: { readonly body: string; readonly spoilers: boolean } | null;
}

export interface CommentDraft {
  readonly film: string;
  readonly body: string;
}

export interface FilmHistory {
  readonly marks: readonly FilmAction[];
  readonly diary: readonly DiaryEntryDraft[];
  readonly comments: readonly CommentDraft[];
  /** The films checked, most famous first: what the member's own lists are made of. */
  readonly seen: readonly CatalogueFilm[];
}

const YEARS_OF_HISTORY = 6;

const REVIEWS = [
  'I came out of {title} quieter than I went in. The last twenty minutes stay with you.',
  'Beautifully shot, a little long in the middle, and worth it for the ending alone.',
  '{title} is one of those films that rewards a second viewing: the details add up.',
  'Not for me. I admired the craft of {title} but never cared about anyone in it.',
  'Saw it on a big screen at last; nothing at home prepares you for the sound.',
  'The performances carry it. A small story told with real patience.',
] as const;

const COMMENTS = [
  'Just watched {title} for the first time. Why did I wait so long?',
  'The score of {title} has been in my head all week.',
  'Anyone else think the ending of {title} is ambiguous on purpose?',
  'Rewatched {title} with friends; it holds up.',
  '{title} deserves far more attention than it gets.',
  'Fell asleep halfway through, will try {title} again on a better night.',
  'That final shot!',
  'Saw {title} at a festival years ago and still think about it.',
] as const;

export const withTitle = (template: string, film: CatalogueFilm): string =>
  template.replaceAll('{title}', film.title);

/** How many films a member has seen: most a few dozen, some hundreds (a long-tailed spread). */
function checkCount(random: SeededRandom, films: number): number {
  const normal = Math.sqrt(-2 * Math.log(random.next() || 1e-9)) * Math.cos(2 * Math.PI * random.next());
  const count = Math.round(Math.exp(Math.log(45) + 0.85 * normal));
  return Math.max(Math.min(8, films), Math.min(count, 400, films));
}

/** Half stars, centred on `around` (favourites high, dislikes low). */
function ratingNear(random: SeededRandom, around: number): number {
  const stars = around + (random.next() - 0.5) * 2;
  return Math.min(5, Math.max(0.5, Math.round(stars * 2) / 2));
}

/** A watch date in the last few years, a fifth of them in the last month so the site looks lived in. */
function watchDate(random: SeededRandom, today: string): string {
  const days = random.chance(0.2) ? random.int(0, 30) : random.int(0, YEARS_OF_HISTORY * 365);
  return daysBefore(today, days);
}

/**
 * A member's marks on films (checks with dates, favourites and dislikes among them, ratings, a
 * watchlist of films not seen), some diary entries with a few reviews, and a few comments. Only
 * sequences the film log accepts: a favourite or dislike follows a check and never both, a rating
 * is given to a seen film, the watchlist holds only unseen films.
 */
export function filmHistory(
  random: SeededRandom,
  films: readonly CatalogueFilm[],
  today: string,
): FilmHistory {
  const weights = popularityWeights(films.length);
  const seenIndexes = random.weightedSample(weights, checkCount(random, films.length));
  const seenSet = new Set(seenIndexes);
  const seen = [...seenIndexes].sort((a, b) => a - b).map((index) => films[index]!);
  const marks: FilmAction[] = [];
  for (const film of seen) {
    marks.push({ film: film.slug, mark: { type: 'CheckFilm', watchedOn: watchDate(random, today) } });
    const feeling = random.next();
    if (feeling < 0.12) marks.push({ film: film.slug, mark: { type: 'FavouriteFilm' } });
    else if (feeling > 0.95) marks.push({ film: film.slug, mark: { type: 'DislikeFilm' } });
    if (random.chance(0.6)) {
      const around = feeling < 0.12 ? 4.6 : feeling > 0.95 ? 1.2 : 3.3;
      marks.push({ film: film.slug, mark: { type: 'RateFilm', rating: ratingNear(random, around) } });
    }
  }
  const wanted = random.weightedSample(weights, random.int(0, 25), (index) => !seenSet.has(index));
  for (const index of wanted) marks.push({ film: films[index]!.slug, mark: { type: 'AddFilmToWatchlist' } });
  return { marks, diary: diaryEntries(random, seen, today), comments: comments(random, seen), seen };
}

function diaryEntries(
  random: SeededRandom,
  seen: readonly CatalogueFilm[],
  today: string,
): DiaryEntryDraft[] {
  const keeper = random.chance(0.35);
  if (!keeper || seen.length === 0) return [];
  return random
    .shuffled(seen)
    .slice(0, random.int(1, 6))
    .map((film) => ({
      film: film.slug,
      watchedOn: daysBefore(today, random.int(0, 120)),
      rewatch: random.chance(0.25),
      rating: random.chance(0.8) ? ratingNear(random, 3.5) : null,
      review: random.chance(0.3)
        ? { body: withTitle(random.pick(REVIEWS), film), spoilers: random.chance(0.1) }
        : null,
    }));
}

function comments(random: SeededRandom, seen: readonly CatalogueFilm[]): CommentDraft[] {
  if (seen.length === 0 || !random.chance(0.4)) return [];
  return random
    .shuffled(seen.slice(0, 40))
    .slice(0, random.int(1, 4))
    .map((film) => ({ film: film.slug, body: withTitle(random.pick(COMMENTS), film) }));
}
