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
import type { FilmMark } from './histories.js';
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

  private async films(member: SeededMember, plan: MemberPlan, context: CommandContext): Promise<void> {
    const { marks, diary, comments } = plan.history;
    for (const { film, mark } of marks) {
      await this.tally.attempt(KIND_OF_MARK[mark.type], `${member.username} ${mark.type} ${film}`, () =>
        this.commands.execute(new LogFilm(member.id, film, mark, context)),
      );
    }
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
