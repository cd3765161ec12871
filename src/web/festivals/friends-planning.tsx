import { useWeb } from '../views/web-context.js';
import type { PlanningFriend } from './festival-shapes.js';
import { festivalPaths } from './festival-words.js';
import type { PlanContext } from './screening-parts.js';

/** A run of words, or a member named (a link to their plan). */
export type LineSegment = string | { readonly username: string };

/**
 * "Planned by juliette_b and 2 others you follow": up to two members named, beyond that the
 * first and a count, so the line stays one short line under a screening; null for nobody.
 */
export function friendsPlanningLine(usernames: readonly string[]): readonly LineSegment[] | null {
  const [first, second] = usernames;
  if (first === undefined) return null;
  if (usernames.length === 1) return ['Planned by ', { username: first }, ', who you follow'];
  if (usernames.length === 2 && second !== undefined)
    return ['Planned by ', { username: first }, ' and ', { username: second }, ', who you follow'];
  return ['Planned by ', { username: first }, ` and ${usernames.length - 1} others you follow`];
}

/** The line as plain words. */
export const lineText = (segments: readonly LineSegment[]): string =>
  segments.map((segment) => (typeof segment === 'string' ? segment : segment.username)).join('');

/**
 * Who among the members the reader follows plans this screening, each name a link to their plan
 * for the edition; nothing when nobody does, or for a reader the friends were not looked up for.
 */
export function FriendsPlanningLine({
  plan,
  screeningId,
}: {
  readonly plan: PlanContext;
  readonly screeningId: string;
}) {
  const { reader } = useWeb();
  const friends: readonly PlanningFriend[] = plan.friends?.get(screeningId) ?? [];
  const line = reader ? friendsPlanningLine(friends.map((friend) => friend.username)) : null;
  if (line === null) return null;
  return (
    <p class="friends-planning">
      {line.map((segment, index) =>
        typeof segment === 'string' ? (
          segment
        ) : (
          <a key={index} href={festivalPaths.memberPlan(segment.username, plan.festival, plan.year)}>
            {segment.username}
          </a>
        ),
      )}
    </p>
  );
}
