import type { Poster } from '../posters/poster.js';

/** A person as credited on a film. */
export interface PersonCredit {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface CriticReview {
  readonly outlet: string;
  readonly region?: string;
  readonly excerpt: string;
  readonly url?: string;
}

export interface ExternalIds {
  readonly imdb?: string;
  readonly tmdb?: number;
}

/** A film as the API reads it (GET /films/{idOrSlug}). Credits are in billing order. */
export interface Film {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly year: number | null;
  readonly runtimeMinutes: number | null;
  readonly synopsis: string | null;
  readonly directors: readonly PersonCredit[];
  readonly cast: readonly PersonCredit[];
  readonly genres: readonly string[];
  readonly languages: readonly string[];
  readonly countries: readonly string[];
  readonly classification: string | null;
  readonly externalIds: ExternalIds;
  readonly criticReviews: readonly CriticReview[];
  /** Null until an admin uploads one. */
  readonly poster: Poster | null;
}
