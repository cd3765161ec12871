import { Body, Get, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { GetFilm } from '../../modules/catalog/queries/get-film/get-film.query.js';
import { ReportRequest } from '../../modules/reportable/report.request.js';
import {
  DeleteReview,
  EditReview,
  LikeReview,
  PostReview,
  ReportReview,
} from '../../modules/reviews/commands/review.commands.js';
import { GetReview } from '../../modules/reviews/queries/review.queries.js';
import { EditReviewRequest, PostReviewRequest } from '../../modules/reviews/reviews.requests.js';
import type { ReviewDetail } from '../../modules/reviews/reviews.response.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { fieldText, formFailureOf, formInput } from '../http/forms.js';
import { SignInRequired } from '../http/web-metadata.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import type { Reader, WebRequest } from '../http/web-request.js';
import { LikedReviews } from '../../modules/reviews/queries/liked-reviews.query.js';
import { reviewHref, reviewsHref, reviewsPlaceOf } from './review-parts.js';
import {
  PostReviewView,
  ReviewPageView,
  type ReviewFormValues,
  type ReviewPageFailure,
} from './review-views.js';

type FormBody = Record<string, unknown> | undefined;

/** A review form's fields as typed, to show again after a refusal. */
const typedValues = (body: FormBody): ReviewFormValues => ({
  body: fieldText(body?.['body']) ?? '',
  spoilers: body?.['spoilers'] === 'on',
  rating: fieldText(body?.['rating']) ?? '',
});

/**
 * A review form as the API's body: a ticked box is "on", no stars is an empty choice (none), and
 * the stars arrive as text. The API's DTOs then check it with the API's rules and messages.
 */
function reviewFields(body: FormBody): Record<string, unknown> {
  const rating = body?.['rating'];
  return {
    body: body?.['body'],
    spoilers: body?.['spoilers'] === 'on',
    rating:
      rating === '' || rating === undefined ? null : typeof rating === 'string' ? Number(rating) : rating,
  };
}

/**
 * Reviews from the film page and on pages of their own: write, read one, edit, delete, like and
 * report. Each runs the reviews module's command, as the API does, and returns to the page the
 * form came from, which waits for the write.
 */
@WebPages('film/:slug/reviews')
export class ReviewPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The reviews are a section of the film's page. */
  @Get()
  list(@Param('slug') slug: string): SeeOther {
    return seeOther(reviewsHref(slug));
  }

  @Post()
  @SignInRequired()
  async post(
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther | PageResult> {
    try {
      const input = await formInput(PostReviewRequest, reviewFields(body));
      const text = { body: input.body, spoilers: input.spoilers ?? false, rating: input.rating ?? null };
      const posted = await this.commands.execute(new PostReview(user, slug, text, context));
      // Recent first: the new review heads the first page.
      return seeOther(reviewsHref(slug, { sort: 'recent' }, `review-${posted.id}`), posted.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const film = await this.queries.execute(new GetFilm(slug));
      const page = view(PostReviewView, { film, values: typedValues(body), failure });
      return new PageResult(page, failure.status);
    }
  }

  @Get(':id')
  async page(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Req() request: WebRequest,
    @Query('reported') reported: unknown,
  ) {
    return this.reviewPage(slug, id, request.reader ?? null, { reported: reported === '1' });
  }

  @Post(':id/edit')
  @SignInRequired()
  async edit(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
    @Req() request: WebRequest,
  ): Promise<SeeOther | PageResult> {
    try {
      const input = await formInput(EditReviewRequest, reviewFields(body));
      const edited = await this.commands.execute(new EditReview(user, id, input, context));
      return seeOther(reviewHref(slug, id), edited.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const refused: ReviewPageFailure = { form: 'edit', values: typedValues(body), failure };
      const page = await this.reviewPage(slug, id, request.reader ?? null, { refused });
      return new PageResult(page, failure.status);
    }
  }

  @Post(':id/delete')
  @SignInRequired()
  async delete(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther> {
    const deleted = await this.commands.execute(new DeleteReview(user, id, context));
    return seeOther(reviewsHref(slug), deleted.position);
  }

  /** The like button: `on` likes, `off` takes the like back; back to the review or the list it was pressed on. */
  @Post(':id/like')
  @SignInRequired()
  async like(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther> {
    const on = body?.['on'];
    if (on !== 'on' && on !== 'off') {
      throw new InvalidInputException([{ field: 'on', message: 'on must be "on" or "off"' }]);
    }
    const result = await this.commands.execute(new LikeReview(user, id, on === 'on', context));
    const back =
      body?.['back'] === 'review'
        ? reviewHref(slug, id)
        : reviewsHref(
            slug,
            reviewsPlaceOf({ sort: body?.['reviews'], cursor: body?.['reviewPage'] }),
            `review-${id}`,
          );
    return seeOther(back, result.position);
  }

  @Post(':id/report')
  @SignInRequired()
  async report(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
    @Req() request: WebRequest,
  ): Promise<SeeOther | PageResult> {
    const fields = { reason: body?.['reason'], note: body?.['note'] };
    try {
      const input = await formInput(ReportRequest, fields, { dropEmpty: ['note'] });
      const accepted = await this.commands.execute(
        new ReportReview(user, id, input.reason, input.note ?? null, context),
      );
      return seeOther(`${reviewHref(slug, id)}?reported=1`, accepted.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const refused: ReviewPageFailure = {
        form: 'report',
        reason: fieldText(fields.reason) ?? '',
        note: fieldText(fields.note) ?? '',
        failure,
      };
      const page = await this.reviewPage(slug, id, request.reader ?? null, { refused });
      return new PageResult(page, failure.status);
    }
  }

  /** The review's page for this reader, with what they like, and a refused form or a sent report. */
  private async reviewPage(
    slug: string,
    id: string,
    reader: Reader | null,
    extra: { readonly reported?: boolean; readonly refused?: ReviewPageFailure },
  ) {
    const review = await this.reviewOn(slug, id, reader);
    const liked = reader
      ? (await this.queries.execute(new LikedReviews(reader.id, [review.id]))).has(review.id)
      : false;
    return view(ReviewPageView, { review, liked, ...extra });
  }

  /** The review as the reader may see it (every body asked for), and only under its own film's address. */
  private async reviewOn(slug: string, id: string, reader: Reader | null): Promise<ReviewDetail> {
    const review = await this.queries.execute(new GetReview(id, reader ?? undefined, true));
    if (review.film.slug !== slug && review.film.id !== slug) {
      throw new NotFoundException('No review has that id.');
    }
    return review;
  }
}
