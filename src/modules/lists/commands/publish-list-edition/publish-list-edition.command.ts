import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { ListEditionWritten } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

/** An admin publishes a new edition of an official list: its whole ranked content replaces the old. */
export class PublishListEdition extends Command<ListEditionWritten> {
  constructor(
    readonly user: SignedInUser,
    readonly listId: string,
    readonly filmReferences: readonly string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishListEdition)
export class PublishListEditionHandler implements ICommandHandler<PublishListEdition> {
  constructor(
    private readonly lists: ListCommandRunner,
    private readonly films: FilmReferences,
  ) {}

  async execute({ user, listId, filmReferences, context }: PublishListEdition): Promise<ListEditionWritten> {
    const id = ListCommandRunner.checkId(listId);
    const filmIds = await this.films.idsOf(filmReferences);
    const { result, position } = await this.lists.run(
      id,
      (actor) => ({ type: 'PublishListEdition', actor, films: filmIds }),
      user,
      context,
    );
    return { edition: result.state.edition, size: result.state.films.length, position };
  }
}
