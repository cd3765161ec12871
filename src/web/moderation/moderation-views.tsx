import { REASON_MAX } from '../../modules/moderation/moderation.request.js';
import { queuedTextOf, type LogEntry, type QueueItem } from '../../modules/moderation/moderation.response.js';
import type { ModerationAction } from '../../modules/moderation/projections/moderation.projection.js';
import type { QueueStatus } from '../../modules/moderation/queries/get-queue/queue-cursor.js';
import { REASON_LABELS } from '../comments/comment-parts.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Pager, PostForm, RelativeTime } from '../views/components.js';
import { Layout } from '../views/layout.js';

/** Where a moderator was in the queue: an action brings them back there. */
export interface QueuePlace {
  readonly status: QueueStatus;
  readonly cursor?: string;
}

export const queueHref = ({ status, cursor }: QueuePlace): string => {
  const query = new URLSearchParams();
  if (status !== 'open') query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/moderate?${text}` : '/moderate';
};

const filmHref = (slug: string): string => `/film/${encodeURIComponent(slug)}`;
const memberHref = (username: string): string => `/member/${encodeURIComponent(username)}`;
const commentHref = (slug: string, commentId: string): string => `${filmHref(slug)}#comment-${commentId}`;

/** Where a queued comment or review is read: the comment on its film's page, the review on its own. */
const textHref = (item: QueueItem): string => {
  const text = queuedTextOf(item);
  return item.kind === 'comment'
    ? commentHref(text.film.slug, text.id)
    : `${filmHref(text.film.slug)}/reviews/${encodeURIComponent(text.id)}`;
};

type Tab = QueueStatus | 'log';

function ModerationNav({ current }: { readonly current: Tab }) {
  const tabs: readonly [Tab, string, string][] = [
    ['open', 'Open reports', '/moderate'],
    ['resolved', 'Resolved', '/moderate?status=resolved'],
    ['log', 'Moderation log', '/moderate/log'],
  ];
  return (
    <nav class="moderation-nav" aria-label="Moderation">
      <ul>
        {tabs.map(([tab, label, href]) => (
          <li key={tab}>
            <a href={href} aria-current={tab === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PlaceFields({ place }: { readonly place: QueuePlace }) {
  return (
    <>
      <input type="hidden" name="status" value={place.status} />
      {place.cursor && <input type="hidden" name="cursor" value={place.cursor} />}
    </>
  );
}

const DECISION_WORDS: Record<ModerationAction, string> = {
  hide: 'Hidden',
  restore: 'Restored',
  dismiss: 'Reports dismissed',
  delete: 'Deleted',
  suspend: 'Suspended',
  reinstate: 'Reinstated',
};

function StateLine({ item }: { readonly item: QueueItem }) {
  const reports = `${item.reportCount} ${item.reportCount === 1 ? 'report' : 'reports'}`;
  const state = item.autoHidden
    ? 'hidden automatically, awaiting a decision'
    : queuedTextOf(item).hidden
      ? 'hidden'
      : 'visible to readers';
  return (
    <p class="queue-state">
      <strong>{reports}</strong> ·{' '}
      <span class={queuedTextOf(item).hidden ? 'queue-hidden' : undefined}>{state}</span>
    </p>
  );
}

function ReportsTable({ item }: { readonly item: QueueItem }) {
  if (item.reports.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="queue-reports">
        <caption>
          Reports on {queuedTextOf(item).author.username}’s {item.kind}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reporter</th>
            <th scope="col">Reason</th>
            <th scope="col">Note</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {item.reports.map((report) => (
            <tr key={report.reporter.id}>
              <td>
                <a href={memberHref(report.reporter.username)}>{report.reporter.username}</a>
              </td>
              <td>{REASON_LABELS[report.reason]}</td>
              <td>{report.note ?? <span class="muted">None</span>}</td>
              <td>
                <RelativeTime at={report.at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One form, three decisions: the button pressed says which; hiding needs the reason. */
function DecisionForm({
  item,
  place,
  reason,
  ids,
}: {
  readonly item: QueueItem;
  readonly place: QueuePlace;
  readonly reason?: string;
  /** `field` on a page of its own, so the error summary's links reach the field. */
  readonly ids: string;
}) {
  const comment = queuedTextOf(item);
  return (
    <PostForm
      action={`/moderate/${item.kind}s/${encodeURIComponent(comment.id)}`}
      label={`Decide on ${comment.author.username}’s ${item.kind}`}
      class="queue-decision"
    >
      <PlaceFields place={place} />
      <div class="field">
        <label for={`${ids}-reason`}>Reason (required to hide)</label>
        <input id={`${ids}-reason`} name="reason" maxLength={REASON_MAX} value={reason} />
      </div>
      <div class="queue-buttons">
        {(!comment.hidden || (item.autoHidden && item.status === 'open')) && (
          <button type="submit" name="decision" value="hide" class="danger">
            Hide {item.kind}
          </button>
        )}
        {comment.hidden && (
          <button type="submit" name="decision" value="restore">
            Restore {item.kind}
          </button>
        )}
        {item.status === 'open' && !comment.hidden && (
          <button type="submit" name="decision" value="dismiss">
            Dismiss reports
          </button>
        )}
      </div>
    </PostForm>
  );
}

function SuspendForm({
  username,
  place,
  ids,
  reason,
  until,
}: {
  readonly username: string;
  readonly place: QueuePlace;
  readonly ids: string;
  readonly reason?: string;
  readonly until?: string;
}) {
  return (
    <PostForm
      action={`/moderate/members/${encodeURIComponent(username)}/suspend`}
      label={`Suspend ${username}`}
      class="queue-suspend"
    >
      <PlaceFields place={place} />
      <div class="field">
        <label for={`${ids}-reason`}>Reason for suspending {username}</label>
        <input id={`${ids}-reason`} name="reason" required maxLength={REASON_MAX} value={reason} />
      </div>
      <div class="field">
        <label for={`${ids}-until`}>Suspended until (optional)</label>
        <p class="field-hint" id={`${ids}-until-hint`}>
          Ends at the start of that day (UTC); empty: until a moderator reinstates them.
        </p>
        <input
          id={`${ids}-until`}
          name="until"
          type="date"
          value={until}
          aria-describedby={`${ids}-until-hint`}
        />
      </div>
      <button type="submit" class="danger">
        Suspend {username}
      </button>
    </PostForm>
  );
}

function QueueEntry({ item, place }: { readonly item: QueueItem; readonly place: QueuePlace }) {
  const comment = queuedTextOf(item);
  const headingId = `queue-${comment.id}`;
  return (
    <li class="queue-item card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          {comment.author.username}’s {item.kind} on{' '}
          <a href={filmHref(comment.film.slug)}>{comment.film.title}</a>
        </h2>
        <StateLine item={item} />
        <blockquote class="comment-quote">
          <p>{comment.body}</p>
        </blockquote>
        <p class="muted queue-posted">
          Posted <RelativeTime at={comment.createdAt} /> by{' '}
          <a href={memberHref(comment.author.username)}>{comment.author.username}</a>.{' '}
          <a href={textHref(item)}>See it where readers do</a>
        </p>
        <ReportsTable item={item} />
        {item.decision && (
          <p class="queue-decided">
            {DECISION_WORDS[item.decision.action]}{' '}
            {item.decision.moderator ? `by ${item.decision.moderator.username}` : 'by its author'}{' '}
            <RelativeTime at={item.decision.at} />
            {item.decision.reason ? `: ${item.decision.reason}` : '.'}
          </p>
        )}
        {item.decision?.action !== 'delete' && (
          <DecisionForm item={item} place={place} ids={`queue-${comment.id}`} />
        )}
        <details class="queue-suspend-disclosure">
          <summary>Suspend {comment.author.username}</summary>
          <SuspendForm username={comment.author.username} place={place} ids={`queue-${comment.id}-suspend`} />
        </details>
      </article>
    </li>
  );
}

export interface QueueViewProps {
  readonly place: QueuePlace;
  readonly items: readonly QueueItem[];
  readonly nextCursor: string | null;
}

/** The queue: reported comments with their reports, and what a moderator may decide on each. */
export function QueueView({ place, items, nextCursor }: QueueViewProps) {
  const open = place.status === 'open';
  return (
    <Layout title={open ? 'Moderation queue' : 'Resolved reports'} noIndex>
      <h1>{open ? 'Moderation queue' : 'Resolved reports'}</h1>
      <ModerationNav current={place.status} />
      {items.length === 0 ? (
        <p>
          {open
            ? 'There are currently no reported comments waiting for a decision.'
            : 'There are no resolved reports yet.'}
        </p>
      ) : (
        <ol class="queue">
          {items.map((item) => (
            <QueueEntry key={queuedTextOf(item).id} item={item} place={place} />
          ))}
        </ol>
      )}
      <Pager
        nextHref={nextCursor ? queueHref({ status: place.status, cursor: nextCursor }) : null}
        firstHref={place.cursor ? queueHref({ status: place.status }) : undefined}
      />
    </Layout>
  );
}

export interface DecisionFailureViewProps {
  readonly item: QueueItem;
  readonly place: QueuePlace;
  readonly reason?: string;
  readonly failure: FormFailure;
}

/** A refused decision (hiding without a reason), the item's form again with the error. */
export function DecisionFailureView({ item, place, reason, failure }: DecisionFailureViewProps) {
  return (
    <Layout title={`Decide on a reported ${item.kind}`} noIndex>
      <h1>
        Decide on {queuedTextOf(item).author.username}’s {item.kind}
      </h1>
      <ErrorSummary message={failure.message} errors={failure.errors} />
      <blockquote class="comment-quote">
        <p>{queuedTextOf(item).body}</p>
      </blockquote>
      <DecisionForm item={item} place={place} reason={reason} ids="field" />
      <p>
        <a href={queueHref(place)}>Back to the queue</a>
      </p>
    </Layout>
  );
}

export interface SuspendFailureViewProps {
  readonly username: string;
  readonly place: QueuePlace;
  readonly reason?: string;
  readonly until?: string;
  readonly failure: FormFailure;
}

export function SuspendFailureView({ username, place, reason, until, failure }: SuspendFailureViewProps) {
  return (
    <Layout title={`Suspend ${username}`} noIndex>
      <section class="narrow">
        <h1>Suspend {username}</h1>
        <ErrorSummary message={failure.message} errors={failure.errors} />
        <SuspendForm username={username} place={place} ids="field" reason={reason} until={until} />
        <p>
          <a href={queueHref(place)}>Back to the queue</a>
        </p>
      </section>
    </Layout>
  );
}

const LOG_WORDS: Record<ModerationAction, string> = {
  hide: 'Hid',
  restore: 'Restored',
  dismiss: 'Dismissed the reports on',
  delete: 'Deleted',
  suspend: 'Suspended',
  reinstate: 'Reinstated',
};

/** A logged comment as the moderator can still see it; null once it was deleted. */
export interface LoggedComment {
  readonly author: string;
  readonly film: { readonly slug: string; readonly title: string };
}

export interface LogViewProps {
  readonly entries: readonly LogEntry[];
  readonly comments: ReadonlyMap<string, LoggedComment | null>;
  readonly nextCursor: string | null;
  readonly first: boolean;
}

function LogTarget({
  entry,
  comments,
}: {
  readonly entry: LogEntry;
  readonly comments: LogViewProps['comments'];
}) {
  const { target } = entry;
  if (target.kind === 'member') return <a href={memberHref(target.username)}>{target.username}</a>;
  if (target.kind === 'review') return <>a review</>;
  const comment = comments.get(target.id);
  if (!comment) return <>{entry.action === 'delete' ? 'a comment' : 'a comment since deleted'}</>;
  return (
    <>
      <a href={commentHref(comment.film.slug, target.id)}>
        {comment.author}’s comment on {comment.film.title}
      </a>
    </>
  );
}

/** Every moderator action, newest first. */
export function LogView({ entries, comments, nextCursor, first }: LogViewProps) {
  return (
    <Layout title="Moderation log" noIndex>
      <h1>Moderation log</h1>
      <ModerationNav current="log" />
      {entries.length === 0 ? (
        <p>There are no moderation actions yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="moderation-log">
            <caption class="visually-hidden">Moderator actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Moderator</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>
                    <RelativeTime at={entry.at} />
                  </td>
                  <td>
                    <a href={memberHref(entry.moderator.username)}>{entry.moderator.username}</a>
                  </td>
                  <td>
                    {LOG_WORDS[entry.action]} <LogTarget entry={entry} comments={comments} />
                  </td>
                  <td>{entry.reason ?? <span class="muted">None given</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        nextHref={nextCursor ? `/moderate/log?cursor=${encodeURIComponent(nextCursor)}` : null}
        firstHref={first ? undefined : '/moderate/log'}
      />
    </Layout>
  );
}
