import type { CommentDetail } from '../../modules/comments/comments.response.js';
import { COMMENT_BODY_MAX } from '../../modules/comments/domain/comment.decider.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, PostForm, RelativeTime } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { useWeb } from '../views/web-context.js';
import { commentActionPath, commentsHref, ReportFields } from './comment-parts.js';

/*
 * Pages of their own for one comment form: the edit page, and any form the server refused (a bad
 * body, too many comments, a report on a comment hidden meanwhile), shown again with its errors
 * and what was typed, since the film page has many forms and shows none of them open.
 */

interface FilmRef {
  readonly slug: string;
  readonly title: string;
}

function BodyField({ body, failure }: { readonly body?: string; readonly failure?: FormFailure }) {
  const error = failure?.errors.find((candidate) => candidate.field === 'body');
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for="field-body">Your comment</label>
      {error && (
        <p class="field-error" id="field-body-error">
          {error.message}
        </p>
      )}
      <textarea
        id="field-body"
        name="body"
        required
        maxLength={COMMENT_BODY_MAX}
        rows={6}
        value={body}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'field-body-error' : undefined}
      />
    </div>
  );
}

function BackToFilm({ film, cursor }: { readonly film: FilmRef; readonly cursor?: string }) {
  return (
    <p>
      <a href={commentsHref(film.slug, cursor)}>Back to the comments on {film.title}</a>
    </p>
  );
}

function PageField({ cursor }: { readonly cursor?: string }) {
  return cursor ? <input type="hidden" name="comments" value={cursor} /> : null;
}

export interface PostCommentViewProps {
  readonly film: FilmRef;
  readonly body: string;
  readonly postKey: string;
  readonly cursor?: string;
  readonly failure: FormFailure;
}

/** The post form again, after the server refused it. */
export function PostCommentView({ film, body, postKey, cursor, failure }: PostCommentViewProps) {
  return (
    <Layout title={`Comment on ${film.title}`} noIndex>
      <section class="narrow comment-page">
        <h1>Comment on {film.title}</h1>
        <ErrorSummary message={failure.message} errors={failure.errors} />
        <PostForm action={`/film/${encodeURIComponent(film.slug)}/comments`} label="Post a comment">
          <input type="hidden" name="key" value={postKey} />
          <PageField cursor={cursor} />
          <BodyField body={body} failure={failure} />
          <button type="submit" class="primary">
            Post comment
          </button>
        </PostForm>
        <BackToFilm film={film} cursor={cursor} />
      </section>
    </Layout>
  );
}

export interface EditCommentViewProps {
  readonly comment: CommentDetail;
  readonly body: string;
  readonly cursor?: string;
  readonly failure?: FormFailure;
}

/** Editing one's own comment on a page of its own (and the form again after a refusal). */
export function EditCommentView({ comment, body, cursor, failure }: EditCommentViewProps) {
  return (
    <Layout title={`Edit your comment on ${comment.film.title}`} noIndex>
      <section class="narrow comment-page">
        <h1>Edit your comment on {comment.film.title}</h1>
        <p class="muted">
          Posted <RelativeTime at={comment.createdAt} />
          {comment.editedAt && (
            <>
              , last edited <RelativeTime at={comment.editedAt} />
            </>
          )}
          .
        </p>
        <ErrorSummary message={failure?.message} errors={failure?.errors} />
        <PostForm action={commentActionPath(comment.film.slug, comment.id, 'edit')} label="Edit your comment">
          <PageField cursor={cursor} />
          <BodyField body={body} failure={failure} />
          <button type="submit" class="primary">
            Save changes
          </button>
        </PostForm>
        <BackToFilm film={comment.film} cursor={cursor} />
      </section>
    </Layout>
  );
}

export interface ReportCommentViewProps {
  readonly comment: CommentDetail;
  readonly reason?: string;
  readonly note?: string;
  readonly cursor?: string;
  readonly failure: FormFailure;
}

/** A refused report: why (e.g. the comment was hidden meanwhile), and the form if it still applies. */
export function ReportCommentView({ comment, reason, note, cursor, failure }: ReportCommentViewProps) {
  const { reader } = useWeb();
  return (
    <Layout title={`Report a comment on ${comment.film.title}`} noIndex>
      <section class="narrow comment-page">
        <h1>Report {comment.author.username}’s comment</h1>
        <blockquote class="comment-quote">
          <p>{comment.body}</p>
        </blockquote>
        <ErrorSummary message={failure.message} errors={failure.errors} />
        {failure.status === 400 && reader && (
          <PostForm
            action={commentActionPath(comment.film.slug, comment.id, 'report')}
            label={`Report ${comment.author.username}’s comment`}
          >
            <PageField cursor={cursor} />
            <ReportFields idPrefix="field" reason={reason} note={note} />
            <button type="submit">Send report</button>
          </PostForm>
        )}
        <BackToFilm film={comment.film} cursor={cursor} />
      </section>
    </Layout>
  );
}
