import { PostForm } from '../views/components.js';
import { useWeb } from '../views/web-context.js';
import type { FilmScreening, FriendsPlanning } from './festival-shapes.js';
import { clockOf, festivalPaths, shortDay } from './festival-words.js';
import { FriendsPlanningLine } from './friends-planning.js';

/** Which edition a plan button writes to, and which of its screenings the reader has planned. */
export interface PlanContext {
  readonly festival: string;
  readonly year: number;
  /** The reader's planned screening ids in this edition; null for an anonymous reader. */
  readonly planned: ReadonlySet<string> | null;
  /** The members the reader follows planning each screening shown; absent when not looked up. */
  readonly friends?: FriendsPlanning;
}

/** "Sat 18 June, 00:30–02:10, Filmhouse 1": day, local clock and venue. */
export function ScreeningWhen({
  screening,
  withDay,
}: {
  readonly screening: FilmScreening;
  readonly withDay: boolean;
}) {
  return (
    <span class="screening-when">
      {withDay && <>{shortDay(screening.startsAt.slice(0, 10))}, </>}
      <time dateTime={screening.startsAt}>{clockOf(screening.startsAt)}</time>–
      <time dateTime={screening.endsAt}>{clockOf(screening.endsAt)}</time>, {screening.venue}
    </span>
  );
}

/**
 * "Add to my plan" or "Remove from my plan" for one screening, posted in the background. The
 * button's name says which film and when, as a page lists many; its region is swapped after the write.
 */
export function PlanButton({
  plan,
  screening,
  title,
}: {
  readonly plan: PlanContext;
  readonly screening: FilmScreening;
  readonly title: string;
}) {
  const { reader, path } = useWeb();
  if (!plan.planned || !reader) return null;
  const planned = plan.planned.has(screening.id);
  const label = planned ? 'Remove from my plan' : 'Add to my plan';
  const what = `${title}, ${shortDay(screening.startsAt.slice(0, 10))} at ${clockOf(screening.startsAt)}`;
  return (
    <div class="plan-button" data-region={`plan-${screening.id}`}>
      <PostForm action={`${festivalPaths.myPlan(plan.festival, plan.year)}/plan`} enhance>
        <input type="hidden" name="screening" value={screening.id} />
        <input type="hidden" name="back" value={path} />
        <button
          type="submit"
          id={`plan-${screening.id}`}
          name="on"
          value={planned ? 'off' : 'on'}
          class={planned ? 'button-secondary' : undefined}
          // The visible words first, so speech input finds the button by what it shows (WCAG 2.5.3).
          aria-label={`${label}: ${what}`}
          data-done={planned ? `Removed ${what} from your plan` : `Added ${what} to your plan`}
          disabled={reader.suspended}
        >
          {label}
        </button>
      </PostForm>
      {planned && <span class="plan-state">In your plan</span>}
    </div>
  );
}

/** A film's screenings, each with its plan button. */
export function ScreeningList({
  screenings,
  title,
  plan,
  withDay = true,
}: {
  readonly screenings: readonly FilmScreening[];
  readonly title: string;
  readonly plan: PlanContext;
  readonly withDay?: boolean;
}) {
  if (screenings.length === 0) return <p class="muted">No screenings announced yet.</p>;
  return (
    <ul class="screenings">
      {screenings.map((screening) => (
        <li key={screening.id} class="screening">
          <ScreeningWhen screening={screening} withDay={withDay} />
          <PlanButton plan={plan} screening={screening} title={title} />
          <FriendsPlanningLine plan={plan} screeningId={screening.id} />
        </li>
      ))}
    </ul>
  );
}

/** Where a signed-out reader learns they can plan; a signed-in one gets a link to their plan. */
export function PlanPrompt({ plan }: { readonly plan: PlanContext }) {
  const { reader, path } = useWeb();
  if (!reader || !plan.planned) {
    return (
      <p class="plan-prompt">
        <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</a> to add screenings to your plan and
        share it with your friends.
      </p>
    );
  }
  const count = plan.planned.size;
  return (
    <p class="plan-prompt" data-region="plan-summary">
      {count === 0
        ? 'Your plan for this edition is empty. '
        : `Your plan holds ${count === 1 ? '1 screening' : `${count} screenings`}. `}
      <a href={festivalPaths.myPlan(plan.festival, plan.year)}>Open my plan</a>
    </p>
  );
}

/** Where the page script says what a background submit did; outside every region, so it stays. */
export const EnhanceStatus = () => <p id="enhance-status" class="visually-hidden" role="status" />;
