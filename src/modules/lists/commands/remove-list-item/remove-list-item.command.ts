import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { ListItemRemoved } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

/** Takes a film off a list; the films after it move up one. Absent already: nothing changes. */
export class RemoveListItem extends Command<ListItemRemoved> {
  constructor(
    readonly user: SignedInUser,
    readonly listId: string,
    readonly filmReference: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RemoveListItem)
export class RemoveListItemHandler implements ICommandHandler<RemoveListItem> {
  constructor(
    private readonly lists: ListCommandRunner,
    private readonly films: FilmReferences,
  ) {}

  async execute({ user, listId, filmReference, context }: RemoveListItem): Promise<ListItemRemoved> {
    const id = ListCommandRunner.checkId(listId);
    const filmId = await this.films.idOf(filmReference);
    const { result, position } = await this.lists.run(
      id,
      (actor) => ({ type: 'RemoveListItem', actor, filmId }),
      user,
      context,
    );
    return { size: result.state.films.length, position };
  }
}
