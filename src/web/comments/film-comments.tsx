import type { QueryBus } from '@nestjs/cqrs';
import type { Reader } from '../http/web-request.js';

/** A film's comments as its page shows them (built by the comments area). */
export interface FilmCommentsData {
  readonly film: { readonly id: string; readonly slug: string };
  readonly comments: readonly unknown[];
  readonly nextCursor: string | null;
}

/** Loads the film's comments for the reader (their own edit/delete and report buttons). */
export async function loadFilmComments(
  _queries: QueryBus,
  film: { readonly id: string; readonly slug: string },
  _reader: Reader | null,
  _cursor?: string,
): Promise<FilmCommentsData> {
  return { film, comments: [], nextCursor: null };
}

/** The comments section of a film page: the list, the form to post, edit/delete/report. */
export function FilmComments({ data }: { readonly data: FilmCommentsData }) {
  return (
    <section aria-labelledby="comments-heading" data-region="comments">
      <h2 id="comments-heading">Comments</h2>
      {data.comments.length === 0 && <p>There are currently no comments.</p>}
    </section>
  );
}
