import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { ListItemPut } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

export interface ListItemChange {
  readonly rank?: number;
  /** null clears it. */
  readonly note?: string | null;
}

/** Adds a film to a list at a rank (or the end), or moves it there; sets its note. */
export class PutListItem extends Command<ListItemPut> {
  constructor(
    readonly user: SignedInUser,
    readonly listId: string,
    readonly filmReference: string,
    readonly change: ListItemChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PutListItem)
export class PutListItemHandler implements ICommandHandler<PutListItem> {
  constructor(
    private readonly lists: ListCommandRunner,
    private readonly films: FilmReferences,
  ) {}

  async execute({ user, listId, filmReference, change, context }: PutListItem): Promise<ListItemPut> {
    const id = ListCommandRunner.checkId(listId);
    const filmId = await this.films.idOf(filmReference);
    const { result, position } = await this.lists.run(
      id,
      (actor) => ({ type: 'PutListItem', actor, filmId, ...change }),
      user,
      context,
    );
    const { films, ranked } = result.state;
    return { rank: ranked ? films.indexOf(filmId) + 1 : null, size: films.length, position };
  }
}
