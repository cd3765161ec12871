import { Fragment } from 'preact';
import type { PersonCredit } from '../../modules/catalog/films/film.js';

export const personPath = (slug: string): string => `/person/${encodeURIComponent(slug)}`;

/** Credited people in billing order, each a link to their page, as a sentence would list them. */
export function PersonLinks({ people }: { readonly people: readonly PersonCredit[] }) {
  return (
    <>
      {people.map((person, index) => (
        <Fragment key={person.id}>
          {index > 0 && ', '}
          <a href={personPath(person.slug)}>{person.name}</a>
        </Fragment>
      ))}
    </>
  );
}
