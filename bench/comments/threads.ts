import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { SeededRandom } from '../../src/common/seeded-random.js';
import {
  commentStream,
  REPORT_REASONS,
  type CommentEvent,
} from '../../src/modules/comments/domain/comment.events.js';
import type { FilmLogHistory } from '../film-log/streams.js';
import { benchEvent } from '../shared/events.js';
import type { BenchMember } from '../social/members.js';
import type { CommentsBenchOptions } from './options.js';

const DAY_MS = 86_400_000;
/** Most reported comments get one or two reports, a few many: the queue's order has something to sort. */
const MOST_REPORTS = 8;

export interface ThreadTotals {
  comments: number;
  reports: number;
  /** Open items with at least the auto-hide threshold of reports: the jobs hide these. */
  dueForAutoHide: number;
  events: number;
}

const commentEvent = (domain: CommentEvent, actorId: string | null, at: number): NewEvent =>
  benchEvent(domain.type, domain.data, actorId, at);

/**
 * One stream per comment, as the service would have written it: posted over the last 90 days,
 * then, for the first `openItems`, reports by distinct members awaiting review, and for the next
 * `resolvedItems` two reports and the moderator's hide. Authors, films and reporters are drawn
 * from the bench's members (never the moderator) and films.
 */
export class CommentThreads implements Iterable<FilmLogHistory> {
  readonly totals: ThreadTotals = { comments: 0, reports: 0, dueForAutoHide: 0, events: 0 };

  constructor(
    private readonly options: CommentsBenchOptions,
    private readonly members: readonly BenchMember[],
    private readonly filmIds: readonly string[],
    private readonly autoHideThreshold: number,
  ) {}

  *[Symbol.iterator](): Generator<FilmLogHistory> {
    const random = new SeededRandom(20_261_121);
    const moderator = this.members[0]!;
    const member = (): BenchMember => this.members[random.int(1, this.members.length - 1)]!;
    for (let index = 0; index < this.options.comments; index += 1) {
      const id = randomUUID();
      const author = member();
      const filmId = this.filmIds[Math.floor(this.filmIds.length * random.next() ** 2)]!;
      let at = Date.now() - random.int(2 * 3_600_000, 90 * DAY_MS);
      const body = `Comment ${index}: ${random.pick(['loved it', 'not for me', 'the ending!', 'see it twice'])}`;
      const events = [
        commentEvent({ type: 'CommentPosted', data: { filmId, authorId: author.id, body } }, author.id, at),
      ];
      const reports =
        index < this.options.openItems
          ? 1 + Math.floor(random.next() ** 3 * MOST_REPORTS)
          : index < this.options.openItems + this.options.resolvedItems
            ? 2
            : 0;
      const reporters = new Set<string>();
      while (reporters.size < reports) {
        const reporter = member();
        if (reporter.id !== author.id) reporters.add(reporter.id);
      }
      for (const reporterId of reporters) {
        at += random.int(60_000, 3_600_000);
        const reason = random.pick(REPORT_REASONS);
        events.push(
          commentEvent({ type: 'CommentReported', data: { reporterId, reason, note: null } }, reporterId, at),
        );
      }
      if (index >= this.options.openItems && reports > 0) {
        events.push(
          commentEvent(
            { type: 'CommentHidden', data: { moderatorId: moderator.id, reason: 'Breaks the rules' } },
            moderator.id,
            at + 60_000,
          ),
        );
      }
      this.totals.comments += 1;
      this.totals.reports += reports;
      if (index < this.options.openItems && reports >= this.autoHideThreshold)
        this.totals.dueForAutoHide += 1;
      this.totals.events += events.length;
      yield { streamId: commentStream(id), events };
    }
  }
}
