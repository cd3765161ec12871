import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { scrubbingErasedMembers } from './scrubbing-projection.js';

const event = (type: string, streamId: string): RecordedEvent => ({
  type,
  streamId,
  data: {},
  metadata: {
    eventId: `${streamId}:${type}`,
    actorId: null,
    correlationId: 'c',
    causationId: null,
    occurredAt: '2026-12-07T00:00:00.000Z',
    schemaVersion: 1,
  },
  revision: 0n,
  position: '0',
  recordedAt: new Date(0),
});

describe('scrubbingErasedMembers', () => {
  it('applies the events before each erasure, then scrubs, keeping the log order', async () => {
    const calls: string[] = [];
    const inner: Projection = {
      name: 'p',
      version: 1,
      handles: ['CommentPosted', 'MemberErased'],
      tables: [],
      apply: async (events) => {
        calls.push(`apply ${events.map((e) => e.streamId).join(',')}`);
      },
    };
    const projection = scrubbingErasedMembers(inner, async (members) => {
      calls.push(`scrub ${members.join(',')}`);
    });
    expect(projection.handles).toEqual(['CommentPosted', 'MemberErased']);
    await projection.apply(
      [
        event('CommentPosted', 'comment-1'),
        event('CommentPosted', 'comment-2'),
        event('MemberErased', 'member-a'),
        event('MemberErased', 'member-b'),
        event('CommentPosted', 'comment-3'),
      ],
      {} as ProjectionContext,
    );
    expect(calls).toEqual(['apply comment-1,comment-2', 'scrub a,b', 'apply comment-3']);
  });
});
