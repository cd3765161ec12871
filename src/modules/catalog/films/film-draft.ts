import { normaliseGenre } from '../domain/normalise.js';
import type { CriticReview, ExternalIds, Film } from './film.js';
import type {
  CriticReviewRequest,
  ExternalIdsRequest,
  FilmRequest,
  PersonRefRequest,
} from './film-request.js';

export interface PersonById {
  readonly id: string;
}
export interface PersonByName {
  readonly name: string;
}
export type PersonRef = PersonById | PersonByName;

/**
 * A validated film request in stored form: codes in their canonical case, lists without repeats.
 * The film's own fields, with people as given (by id or name) and no id or slug yet.
 */
export type FilmDraft = Omit<Film, 'id' | 'slug' | 'directors' | 'cast' | 'poster'> & {
  readonly directors: readonly PersonRef[];
  readonly cast: readonly PersonRef[];
};

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** Blank optional text counts as absent. */
const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const personRef = (ref: PersonRefRequest): PersonRef =>
  ref.id != null ? { id: ref.id.toLowerCase() } : { name: (ref.name ?? '').trim().replace(/\s+/g, ' ') };

const externalIds = (ids: ExternalIdsRequest | undefined): ExternalIds => ({
  ...(ids?.imdb != null ? { imdb: ids.imdb } : {}),
  ...(ids?.tmdb != null ? { tmdb: ids.tmdb } : {}),
});

function criticReview(review: CriticReviewRequest): CriticReview {
  const region = text(review.region);
  const url = text(review.url);
  return {
    outlet: review.outlet.trim(),
    ...(region ? { region } : {}),
    excerpt: review.excerpt.trim(),
    ...(url ? { url } : {}),
  };
}

export function toFilmDraft(request: FilmRequest): FilmDraft {
  return {
    title: request.title.trim(),
    originalTitle: text(request.originalTitle),
    year: request.year ?? null,
    runtimeMinutes: request.runtimeMinutes ?? null,
    synopsis: text(request.synopsis),
    directors: (request.directors ?? []).map(personRef),
    cast: (request.cast ?? []).map(personRef),
    genres: unique((request.genres ?? []).map(normaliseGenre)),
    languages: unique((request.languages ?? []).map((code) => code.toLowerCase())),
    countries: unique((request.countries ?? []).map((code) => code.toUpperCase())),
    classification: text(request.classification),
    externalIds: externalIds(request.externalIds),
    criticReviews: (request.criticReviews ?? []).map(criticReview),
  };
}
