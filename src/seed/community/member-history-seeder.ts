import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { PostComment } from '../../modules/comments/commands/post-comment/post-comment.command.js';
import { LogDiaryEntry } from '../../modules/diary/commands/diary.commands.js';
import { LogFilm } from '../../modules/film-log/commands/log-film/log-film.command.js';
import { PlanScreening } from '../../modules/festivals/plan/commands/plan-screening/plan-screening.command.js';
import { CreateList } from '../../modules/lists/commands/create-list/create-list.command.js';
import { PutListItem } from '../../modules/lists/commands/put-list-item/put-list-item.command.js';
import { FollowMember } from '../../modules/social/commands/follow/follow.command.js';
import { DEMO_EDITION } from './catalogue-reader.js';
import type { MemberPlan } from './community-plan.js';
import type { FilmAction, FilmMark } from './histories.js';
import type { CreatedKind, Tally } from './tally.js';

export interface SeededMember {
  readonly id: string;
  readonly username: string;
}

const KIND_OF_MARK: Record<FilmMark['type'], CreatedKind> = {
  CheckFilm: 'checks',
  FavouriteFilm: 'favourites',
  DislikeFilm: 'dislikes',
  AddFilmToWatchlist: 'watchlist',
  RateFilm: 'ratings',
};

/** Marks each member keeps back for the end of the run. */
const LATEST_MARKS_PER_MEMBER = 2;

/**
 * The marks a member makes last: up to two on films they touch nowhere else in their history (no
 * other mark, no diary entry), so holding them back changes no other command's outcome. Played
 * after every member's history, one member after another, they make the site's newest activity
 * many members' rather than the last member's.
 */
export function latestMarks(plan: MemberPlan): readonly FilmAction[] {
  const { marks, diary } = plan.history;
  const touched = new Map<string, number>();
  for (const { film } of [...marks, ...diary]) touched.set(film, (touched.get(film) ?? 0) + 1);
  return marks.filter(({ film }) => touched.get(film) === 1).slice(-LATEST_MARKS_PER_MEMBER);
}

/** Writes one new member's history through the application's commands, in the order a person would. */
export class MemberHistorySeeder {
  constructor(
    private readonly commands: CommandBus,
    private readonly tally: Tally,
    private readonly context: (actorId: string) => CommandContext,
  ) {}

  async seed(member: SeededMember, plan: MemberPlan): Promise<void> {
    const context = this.context(member.id);
    await this.films(member, plan, context);
    for (const followee of plan.follows) {
      await this.tally.attempt('follows', `${member.username} follows ${followee}`, () =>
        this.commands.execute(new FollowMember(member.id, followee, true, context)),
      );
    }
    await this.lists(member, plan, context);
    for (const screening of plan.screenings) {
      await this.tally.attempt('plannedScreenings', `${member.username} plans a screening`, () =>
        this.commands.execute(
          new PlanScreening(member.id, DEMO_EDITION.festival, DEMO_EDITION.year, screening, context),
        ),
      );
    }
  }

  /** The marks held back from `seed`, once every member's history is written. */
  async seedLatest(member: SeededMember, plan: MemberPlan): Promise<void> {
    await this.marks(member, latestMarks(plan), this.context(member.id));
  }

  private async marks(member: SeededMember, marks: readonly FilmAction[], context: CommandContext) {
    for (const { film, mark } of marks) {
      await this.tally.attempt(KIND_OF_MARK[mark.type], `${member.username} ${mark.type} ${film}`, () =>
        this.commands.execute(new LogFilm(member.id, film, mark, context)),
      );
    }
  }

  private async films(member: SeededMember, plan: MemberPlan, context: CommandContext): Promise<void> {
    const { marks, diary, comments } = plan.history;
    const latest = new Set(latestMarks(plan));
    await this.marks(
      member,
      marks.filter((mark) => !latest.has(mark)),
      context,
    );
    for (const { film, review, ...entry } of diary) {
      const logged = await this.tally.attempt('diaryEntries', `${member.username} logs ${film}`, () =>
        this.commands.execute(new LogDiaryEntry(member.id, film, entry, review, context)),
      );
      if (logged?.review) this.tally.add('reviews');
    }
    for (const { film, body } of comments) {
      await this.tally.attempt('comments', `${member.username} comments on ${film}`, () =>
        this.commands.execute(new PostComment(member.id, film, body, null, context)),
      );
    }
  }

  private async lists(member: SeededMember, plan: MemberPlan, context: CommandContext): Promise<void> {
    for (const { films, ...list } of plan.lists) {
      const created = await this.tally.attempt('lists', `${member.username} creates "${list.title}"`, () =>
        this.commands.execute(new CreateList(member, { ...list, official: false }, context)),
      );
      if (created === null) continue;
      for (const film of films) {
        await this.tally.attempt('listItems', `${member.username} lists ${film}`, () =>
          this.commands.execute(new PutListItem(member, created.id, film, {}, context)),
        );
      }
    }
  }
}
