/** A film as a person's page lists it. */
export interface PersonFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

/** A person and the films that credit them (GET /people/{idOrSlug}), newest first. */
export interface Person {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly directed: readonly PersonFilm[];
  readonly cast: readonly PersonFilm[];
}
