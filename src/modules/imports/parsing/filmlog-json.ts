import { z } from 'zod';
import { isUuid } from '../../../common/uuid.js';
import { isRating } from '../../film-log/domain/rating.js';
import { isReviewBody } from '../../reviews/domain/review-text.js';
import { ImportFileError } from './import-file.error.js';
import type { FilmReference, ImportPlan, SourceRow } from './import-plan.js';
import { ImportPlanBuilder } from './plan-builder.js';

/** The file of our own export that makes an import of it exact. */
export const FILMLOG_JSON = 'filmlog.json';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const rating = z.number().refine(isRating, 'must be a rating from 0.5 to 5');
const film = z.object({
  id: z.string().refine(isUuid, 'must be a UUID'),
  title: z.string().min(1),
  year: z.number().int().nullable(),
  imdbId: z.string().nullable().optional(),
});
const mark = z.object({ at: instant }).nullable().optional();

/** What the importer reads of filmlog.json; the rest of it (profile, comments, events…) is for the member. */
const filmlogSchema = z.object({
  format: z.literal('filmlog-export'),
  version: z.literal(1),
  films: z.array(
    z.object({
      film,
      checked: z.object({ at: instant, watchedOn: day.nullable() }).nullable().optional(),
      favourite: mark,
      disliked: mark,
      watchlisted: mark,
      rating: z.object({ rating, at: instant }).nullable().optional(),
    }),
  ),
  diary: z.array(
    z.object({ film, watchedOn: day, rewatch: z.boolean(), rating: rating.nullable(), loggedAt: instant }),
  ),
  reviews: z.array(
    z.object({
      film,
      body: z.string().refine(isReviewBody, 'is not a review body'),
      spoilers: z.boolean(),
      rating: rating.nullable(),
      createdAt: instant,
    }),
  ),
  lists: z.array(
    z.object({
      id: z.string().refine(isUuid, 'must be a UUID'),
      title: z.string(),
      description: z.string().nullable(),
      ranked: z.boolean(),
      visibility: z.enum(['private', 'friends', 'public']),
      items: z.array(
        z.object({ rank: z.number().int().positive().nullable(), film, note: z.string().nullable() }),
      ),
    }),
  ),
});

type ExportedFilm = z.infer<typeof film>;

const referenceOf = (exported: ExportedFilm): FilmReference => ({
  filmId: exported.id.toLowerCase(),
  imdbId: exported.imdbId ?? null,
  title: exported.title,
  year: exported.year,
});

function parsed(bytes: Buffer): z.infer<typeof filmlogSchema> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ImportFileError('file', `${FILMLOG_JSON} is not JSON`);
  }
  const result = filmlogSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportFileError(
      'file',
      `${FILMLOG_JSON}: ${issue.path.join('.') || 'the file'} ${issue.message}`,
    );
  }
  return result.data;
}

/**
 * Our own export's filmlog.json: every mark at its exact instant (dislikes and a watchedOn without
 * a diary entry included), the ratings, every diary entry, reviews with their spoiler flag, and
 * lists with their ranks, notes and visibility. Films are named by our id first, so an export
 * comes back onto the same films; `line` is an item's place in its section, from 1.
 */
export function readFilmlogJson(bytes: Buffer): ImportPlan {
  const archive = parsed(bytes);
  const plan = new ImportPlanBuilder('letterboxd');
  const at = (line: number): SourceRow => ({ file: FILMLOG_JSON, line });

  archive.films.forEach((entry, index) => {
    plan.rowRead();
    const reference = referenceOf(entry.film);
    const row = at(index + 1);
    if (entry.checked) plan.check(reference, row, entry.checked);
    if (entry.favourite) plan.mark('favourite', reference, row, entry.favourite.at);
    if (entry.disliked) plan.mark('disliked', reference, row, entry.disliked.at);
    if (entry.watchlisted) plan.mark('watchlisted', reference, row, entry.watchlisted.at);
    if (entry.rating) plan.rate(reference, row, entry.rating);
  });
  archive.diary.forEach((entry, index) => {
    plan.rowRead();
    const { watchedOn, rewatch, rating: stars, loggedAt } = entry;
    plan.view(referenceOf(entry.film), at(index + 1), { watchedOn, rewatch, rating: stars, at: loggedAt });
  });
  archive.reviews.forEach((review, index) => {
    plan.rowRead();
    const { body, spoilers, rating: stars, createdAt } = review;
    plan.review(referenceOf(review.film), at(index + 1), { body, spoilers, rating: stars, at: createdAt });
  });
  for (const list of archive.lists) {
    plan.rowRead(list.items.length);
    plan.list({
      slug: list.id.toLowerCase(),
      name: list.title,
      description: list.description,
      ranked: list.ranked,
      visibility: list.visibility,
      file: FILMLOG_JSON,
      items: [...list.items]
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((item, index) => ({
          position: list.ranked ? index + 1 : null,
          ...referenceOf(item.film),
          note: item.note,
          line: index + 1,
        })),
    });
  }
  return plan.build();
}
