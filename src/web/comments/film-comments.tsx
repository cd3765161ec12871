import { randomUUID } from 'node:crypto';
import type { QueryBus } from '@nestjs/cqrs';
import { holdsRole } from '../../common/auth/index.js';
import type { CommentItem } from '../../modules/comments/comments.response.js';
import { COMMENT_BODY_MAX } from '../../modules/comments/domain/comment.decider.js';
import { ListFilmComments } from '../../modules/comments/queries/list-film-comments/list-film-comments.query.js';
import type { Reader } from '../http/web-request.js';
import { Pager, PostForm, RelativeTime, type PagerWords } from '../views/components.js';
import { useWeb } from '../views/web-context.js';
import { commentActionPath, commentsHref, ReportFields, SuspendedNote } from './comment-parts.js';

/** Who reads the comments: what they may do decides which controls each comment shows. */
export interface CommentViewer {
  readonly id: string;
  readonly moderates: boolean;
  readonly suspended: boolean;
  readonly suspensionDetail: string | null;
}

/** Comments run oldest first. */
const COMMENT_PAGES: PagerWords = {
  label: 'Comment pages',
  first: 'Back to the first comments',
  next: 'Later comments',
};

/** A film's comments as its page shows them: one page, oldest first, and the reader's controls. */
export interface FilmCommentsData {
  readonly film: { readonly id: string; readonly slug: string };
  readonly comments: readonly CommentItem[];
  /** The page shown (`?comments=`), undefined on the first. */
  readonly cursor: string | undefined;
  readonly nextCursor: string | null;
  readonly viewer: CommentViewer | null;
  /** Idempotency key of this rendering's post form: a double submit posts one comment. */
  readonly postKey: string;
}

/**
 * Loads one page of the film's comments for the reader: the comments query decides which hidden
 * ones they see (their own, or all for moderators). `cursor` is the page's `?comments=` value.
 */
export async function loadFilmComments(
  queries: QueryBus,
  film: { readonly id: string; readonly slug: string },
  reader: Reader | null,
  cursor?: string,
): Promise<FilmCommentsData> {
  const user = reader ? { id: reader.id, username: reader.username } : undefined;
  const page = await queries.execute(new ListFilmComments(film.id, user, { cursor: cursor || undefined }));
  return {
    film,
    comments: page.items,
    cursor: cursor || undefined,
    nextCursor: page.nextCursor,
    viewer: reader
      ? {
          id: reader.id,
          moderates: holdsRole(reader.roles, 'moderator'),
          suspended: reader.suspended,
          suspensionDetail: reader.suspensionDetail,
        }
      : null,
    postKey: randomUUID(),
  };
}

/** The comments section of a film page: the list, the form to post, edit/delete/report. */
export function FilmComments({ data }: { readonly data: FilmCommentsData }) {
  const { film, comments, cursor, nextCursor } = data;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading" data-region="comments">
      <h2 id="comments-heading">Comments</h2>
      {comments.length === 0 ? (
        <p class="comments-empty">
          {cursor ? 'There are no more comments.' : 'There are currently no comments.'}
        </p>
      ) : (
        <ol class="comment-list">
          {comments.map((comment) => (
            <CommentEntry key={comment.id} comment={comment} data={data} />
          ))}
        </ol>
      )}
      <Pager
        firstHref={cursor ? commentsHref(film.slug) : null}
        nextHref={nextCursor ? commentsHref(film.slug, nextCursor) : null}
        words={COMMENT_PAGES}
      />
      <NewComment data={data} />
    </section>
  );
}

function CommentEntry({ comment, data }: { readonly comment: CommentItem; readonly data: FilmCommentsData }) {
  const { viewer } = data;
  const own = viewer?.id === comment.author.id;
  const writes = viewer !== null && !viewer.suspended;
  return (
    <li id={`comment-${comment.id}`} class={comment.hidden ? 'comment comment-hidden' : 'comment'}>
      <article aria-label={`Comment by ${comment.author.username}`}>
        <p class="comment-meta">
          <a class="comment-author" href={`/member/${encodeURIComponent(comment.author.username)}`}>
            {comment.author.username}
          </a>{' '}
          <RelativeTime at={comment.createdAt} />
          {comment.editedAt && (
            <span class="comment-edited">
              {' '}
              (edited <RelativeTime at={comment.editedAt} />)
            </span>
          )}
        </p>
        {comment.hidden && (
          <p class="comment-hidden-note">
            {own
              ? 'Hidden by moderation: only you and the moderators see this comment.'
              : 'Hidden from readers: only its author and the moderators see it.'}
          </p>
        )}
        <p class="comment-body">{comment.body}</p>
        {writes && (
          <div class="comment-actions">
            {own && <EditDisclosure comment={comment} data={data} />}
            {(own || viewer.moderates) && <DeleteDisclosure comment={comment} data={data} />}
            {!own && !comment.hidden && <ReportDisclosure comment={comment} data={data} />}
          </div>
        )}
      </article>
    </li>
  );
}

/** Where the page was: a write brings the reader back to the same page of comments. */
function BackField({ cursor }: { readonly cursor: string | undefined }) {
  return cursor ? <input type="hidden" name="comments" value={cursor} /> : null;
}

function EditDisclosure({
  comment,
  data,
}: {
  readonly comment: CommentItem;
  readonly data: FilmCommentsData;
}) {
  const id = `comment-${comment.id}-edit`;
  return (
    <details class="comment-action">
      <summary>Edit</summary>
      <PostForm
        action={commentActionPath(data.film.slug, comment.id, 'edit')}
        label="Edit your comment"
        enhance
      >
        <BackField cursor={data.cursor} />
        <label for={id}>Your comment</label>
        <textarea id={id} name="body" required maxLength={COMMENT_BODY_MAX} rows={4} value={comment.body} />
        <button type="submit" class="primary" data-done="Comment saved">
          Save changes
        </button>
      </PostForm>
    </details>
  );
}

function DeleteDisclosure({
  comment,
  data,
}: {
  readonly comment: CommentItem;
  readonly data: FilmCommentsData;
}) {
  const own = data.viewer?.id === comment.author.id;
  return (
    <details class="comment-action">
      <summary>Delete</summary>
      <PostForm
        action={commentActionPath(data.film.slug, comment.id, 'delete')}
        label={own ? 'Delete your comment' : `Delete ${comment.author.username}’s comment`}
        enhance
      >
        <BackField cursor={data.cursor} />
        <p>
          {own ? 'Delete your comment?' : `Delete ${comment.author.username}’s comment?`} This cannot be
          undone.
        </p>
        <button type="submit" class="danger" data-done="Comment deleted">
          Delete comment
        </button>
      </PostForm>
    </details>
  );
}

function ReportDisclosure({
  comment,
  data,
}: {
  readonly comment: CommentItem;
  readonly data: FilmCommentsData;
}) {
  return (
    <details class="comment-action">
      <summary>Report</summary>
      <PostForm
        action={commentActionPath(data.film.slug, comment.id, 'report')}
        label={`Report ${comment.author.username}’s comment`}
        enhance
      >
        <BackField cursor={data.cursor} />
        <ReportFields idPrefix={`comment-${comment.id}-report`} />
        <button type="submit" data-done="Report sent to the moderators">
          Send report
        </button>
      </PostForm>
    </details>
  );
}

/** The form to post, for signed-in members; a sign-in link for others; the reason when suspended. */
function NewComment({ data }: { readonly data: FilmCommentsData }) {
  const { path } = useWeb();
  const { viewer, film } = data;
  if (!viewer) {
    return (
      <p class="comment-sign-in">
        <a href={`/sign-in?next=${encodeURIComponent(`${path}#comments`)}`}>Sign in to comment</a>
      </p>
    );
  }
  if (viewer.suspended) return <SuspendedNote detail={viewer.suspensionDetail} />;
  return (
    <PostForm action={`/film/${encodeURIComponent(film.slug)}/comments`} label="Post a comment" enhance>
      <input type="hidden" name="key" value={data.postKey} />
      <BackField cursor={data.cursor} />
      <div class="field">
        <label for="new-comment-body">Your comment</label>
        <textarea id="new-comment-body" name="body" required maxLength={COMMENT_BODY_MAX} rows={4} />
      </div>
      <button type="submit" class="primary" data-done="Comment posted">
        Post comment
      </button>
    </PostForm>
  );
}
