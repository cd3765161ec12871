import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, seededPick, testEvent, type Write } from '#testing';
import {
  commentDecider,
  type CommentCommand,
  type CommentState,
} from '../../comments/domain/comment.decider.js';
import { commentStream, type CommentEvent } from '../../comments/domain/comment.events.js';
import { memberStream } from '../../identity/domain/member.events.js';
import { moderationTriggersProjection } from './moderation-triggers.projection.js';
import { moderationProjection } from './moderation.projection.js';

const at = (second: number): string => new Date(Date.UTC(2024, 2, 1, 10, 0, second)).toISOString();

const event = (type: string, second: number, data: object = {}, actorId: string | null = null): NewEvent =>
  testEvent(type, { ...data }, { occurredAt: at(second), actorId });

const QUEUE = `SELECT subject_id, status, round, report_count, auto_hidden, first_reported_at, last_reported_at,
                      decision, decided_by, decision_reason, decided_at
               FROM moderation_queue ORDER BY subject_id`;
const REPORTS = `SELECT * FROM moderation_reports ORDER BY subject_id, reporter_id`;
const LOG = `SELECT * FROM moderation_log ORDER BY event_id`;

describe('moderation projections', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([moderationProjection, moderationTriggersProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const itemOf = async (commentId: string) =>
    (await site.rows(`SELECT * FROM moderation_queue WHERE subject_id = $1`, [commentId]))[0];

  it('opens an item on reports, marks an auto-hide, and resolves it with the decision and a log row', async () => {
    const [comment, moderator] = [randomUUID(), randomUUID()];
    const reporters = [randomUUID(), randomUUID(), randomUUID()];
    const stream = commentStream(comment);
    await site.project([
      [
        stream,
        reporters.map((reporterId, index) =>
          event('CommentReported', index + 1, {
            reporterId,
            reason: 'spam',
            note: index === 0 ? 'buy now' : null,
          }),
        ),
      ],
      [stream, [event('CommentAutoHidden', 4, { reports: 3 })]],
    ]);
    expect(await itemOf(comment)).toMatchObject({
      status: 'open',
      round: 1,
      report_count: 3,
      auto_hidden: true,
      first_reported_at: new Date(at(1)),
      last_reported_at: new Date(at(3)),
      decision: null,
    });
    const reports = await site.rows(
      `SELECT reporter_id, round, reason, note FROM moderation_reports
                                     WHERE subject_id = $1 ORDER BY reported_at`,
      [comment],
    );
    expect(reports).toEqual(
      reporters.map((reporterId, index) => ({
        reporter_id: reporterId,
        round: 1,
        reason: 'spam',
        note: index === 0 ? 'buy now' : null,
      })),
    );

    const hidden = event('CommentHidden', 5, { moderatorId: moderator, reason: 'advert' }, moderator);
    await site.project([[stream, [hidden]]]);
    expect(await itemOf(comment)).toMatchObject({
      status: 'resolved',
      decision: 'hidden',
      decided_by: moderator,
      decision_reason: 'advert',
      decided_at: new Date(at(5)),
    });
    expect(await site.rows(`SELECT * FROM moderation_log WHERE target_id = $1`, [comment])).toEqual([
      {
        event_id: hidden.metadata.eventId,
        moderator_id: moderator,
        action: 'hide',
        target_kind: 'comment',
        target_id: comment,
        reason: 'advert',
        at: new Date(at(5)),
      },
    ]);
  });

  it('a report after a decision opens the next round with only its own reports counted', async () => {
    const [comment, moderator, late] = [randomUUID(), randomUUID(), randomUUID()];
    const stream = commentStream(comment);
    await site.project([
      [
        stream,
        [
          event('CommentReported', 1, { reporterId: randomUUID(), reason: 'abuse', note: null }),
          event('CommentReported', 2, { reporterId: randomUUID(), reason: 'abuse', note: null }),
          event('CommentReportsDismissed', 3, { moderatorId: moderator, reason: null }, moderator),
          event('CommentReported', 4, { reporterId: late, reason: 'spoiler', note: null }),
        ],
      ],
    ]);
    expect(await itemOf(comment)).toMatchObject({
      status: 'open',
      round: 2,
      report_count: 1,
      auto_hidden: false,
      first_reported_at: new Date(at(4)),
      decision: null,
      decided_by: null,
    });
    expect(
      await site.rows(`SELECT reporter_id FROM moderation_reports WHERE subject_id = $1 AND round = 2`, [
        comment,
      ]),
    ).toEqual([{ reporter_id: late }]);
  });

  it('an author deleting a comment under review resolves it without a moderator; a moderator deletion is logged', async () => {
    const [byAuthor, byModerator, moderator] = [randomUUID(), randomUUID(), randomUUID()];
    const deletion = event('CommentDeleted', 3, { byModerator: true }, moderator);
    await site.project([
      [
        commentStream(byAuthor),
        [
          event('CommentReported', 1, { reporterId: randomUUID(), reason: 'other', note: null }),
          event('CommentDeleted', 2, { byModerator: false }, randomUUID()),
        ],
      ],
      [commentStream(byModerator), [deletion]],
    ]);
    expect(await itemOf(byAuthor)).toMatchObject({
      status: 'resolved',
      decision: 'deleted',
      decided_by: null,
    });
    expect(await itemOf(byModerator)).toMatchObject({
      status: 'resolved',
      decision: 'deleted',
      decided_by: moderator,
    });
    expect(
      await site.rows(`SELECT action, moderator_id FROM moderation_log WHERE target_id = ANY($1)`, [
        [byAuthor, byModerator],
      ]),
    ).toEqual([{ action: 'delete', moderator_id: moderator }]);
  });

  it('logs suspensions and reinstatements with the moderator who acted; an old reinstatement has no reason', async () => {
    const [member, moderator] = [randomUUID(), randomUUID()];
    await site.project([
      [
        memberStream(member),
        [
          event('MemberRegistered', 1),
          event('MemberSuspended', 2, { reason: 'spam', until: null }, moderator),
          event('MemberReinstated', 3, {}, moderator),
          event('MemberSuspended', 4, { reason: 'again', until: at(59) }, moderator),
          event('MemberReinstated', 5, { reason: 'appeal' }, moderator),
        ],
      ],
    ]);
    expect(
      await site.rows(
        `SELECT action, target_kind, moderator_id, reason FROM moderation_log
                       WHERE target_id = $1 ORDER BY at`,
        [member],
      ),
    ).toEqual([
      { action: 'suspend', target_kind: 'member', moderator_id: moderator, reason: 'spam' },
      { action: 'reinstate', target_kind: 'member', moderator_id: moderator, reason: null },
      { action: 'suspend', target_kind: 'member', moderator_id: moderator, reason: 'again' },
      { action: 'reinstate', target_kind: 'member', moderator_id: moderator, reason: 'appeal' },
    ]);
  });

  it('writes one auto-hide job per report to the outbox, keyed by the report event id', async () => {
    const comment = randomUUID();
    const reports = [1, 2].map((second) =>
      event('CommentReported', second, { reporterId: randomUUID(), reason: 'spam', note: null }),
    );
    await site.project([[commentStream(comment), reports]]);
    expect(
      await site.rows(
        `SELECT queue, name, job_id, data FROM job_outbox WHERE data->>'commentId' = $1 ORDER BY id`,
        [comment],
      ),
    ).toEqual(
      reports.map((report) => ({
        queue: 'moderation',
        name: 'auto-hide',
        job_id: report.metadata.eventId,
        data: { commentId: comment },
      })),
    );
  });

  it('gives the same rows from one batch as from one batch per event, and after a rebuild', async () => {
    const history = randomModerationHistory(12, 400, 20_240_601);
    await ProjectionSite.withFresh(
      2,
      [moderationProjection, moderationTriggersProjection],
      async (whole, single) => {
        const [applied] = await Promise.all([
          whole.applyAtOnce(history.writes),
          single.project(history.writes, { batchSize: 1 }),
        ]);
        expect(applied).toBe(history.events);
        const snapshot = async (one: ProjectionSite) => [
          await one.rows(QUEUE),
          await one.rows(REPORTS),
          await one.rows(LOG),
          await one.rows(`SELECT queue, name, job_id, data FROM job_outbox ORDER BY job_id`),
        ];
        const expected = await snapshot(whole);
        expect((expected[0] as unknown[]).length).toBeGreaterThan(5);
        expect((expected[2] as unknown[]).length).toBeGreaterThan(5);
        expect(await snapshot(single)).toEqual(expected);

        await single.project([], { rebuild: true });
        expect(await snapshot(single)).toEqual(expected);
      },
    );
  });
});

/** Valid comment histories made by the decider from random moderation commands, plus suspensions. */
function randomModerationHistory(comments: number, minEvents: number, seed: number) {
  const pick = seededPick(seed);
  const members = Array.from({ length: 8 }, () => randomUUID());
  const moderator = randomUUID();
  const streams = Array.from({ length: comments }, () => {
    const authorId = members[pick(members.length)]!;
    return { id: randomUUID(), authorId, state: commentDecider.initialState as CommentState };
  });
  const writes: Write[] = [];
  let events = 0;
  let second = 0;
  for (const stream of streams) {
    const posted: CommentEvent = {
      type: 'CommentPosted',
      data: { filmId: randomUUID(), authorId: stream.authorId, body: 'hi' },
    };
    stream.state = commentDecider.evolve(stream.state, posted);
    writes.push([commentStream(stream.id), [event(posted.type, second, posted.data, stream.authorId)]]);
    events += 1;
  }
  const commandsFor = (authorId: string): CommentCommand[] => {
    const reporterId = members[pick(members.length)]!;
    return [
      {
        type: 'ReportComment',
        reporterId,
        reporterModerates: false,
        reason: 'spam',
        note: pick(2) ? 'note' : null,
      },
      { type: 'ReportComment', reporterId, reporterModerates: false, reason: 'abuse', note: null },
      { type: 'AutoHideComment', threshold: 2 },
      { type: 'HideComment', moderatorId: moderator, reason: 'rude' },
      { type: 'RestoreComment', moderatorId: moderator, reason: pick(2) ? 'fine' : null },
      { type: 'DismissReports', moderatorId: moderator, reason: null },
      { type: 'DeleteComment', actorId: pick(2) ? moderator : authorId, actorModerates: true },
    ];
  };
  while (events < minEvents) {
    second += 1;
    if (pick(10) === 0) {
      const member = members[pick(members.length)]!;
      const suspension = pick(2)
        ? event('MemberSuspended', second, { reason: 'r', until: null }, moderator)
        : event('MemberReinstated', second, pick(2) ? { reason: 'ok' } : {}, moderator);
      writes.push([memberStream(member), [suspension]]);
      events += 1;
      continue;
    }
    const stream = streams[pick(streams.length)]!;
    const candidates = commandsFor(stream.authorId);
    // Deletions end a stream's story: make them rare.
    const command = candidates[pick(candidates.length - (pick(8) === 0 ? 0 : 1))]!;
    let decided: readonly CommentEvent[];
    try {
      decided = commentDecider.decide(command, stream.state);
    } catch {
      continue;
    }
    if (decided.length === 0) continue;
    const actor =
      command.type === 'DeleteComment'
        ? command.actorId
        : command.type === 'AutoHideComment'
          ? null
          : moderator;
    writes.push([commentStream(stream.id), decided.map((one) => event(one.type, second, one.data, actor))]);
    for (const one of decided) stream.state = commentDecider.evolve(stream.state, one);
    events += decided.length;
  }
  return { writes, events };
}
