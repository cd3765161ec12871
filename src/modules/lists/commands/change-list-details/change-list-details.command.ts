import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { ListVisibility } from '../../domain/list.events.js';
import type { ListWritten } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

export interface ListDetailsChange {
  readonly title?: string;
  /** null clears it. */
  readonly description?: string | null;
  readonly visibility?: ListVisibility;
}

/** Rename, describe, or change who sees a list; what is left out stays. */
export class ChangeListDetails extends Command<ListWritten> {
  constructor(
    readonly user: SignedInUser,
    readonly listId: string,
    readonly change: ListDetailsChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeListDetails)
export class ChangeListDetailsHandler implements ICommandHandler<ChangeListDetails> {
  constructor(private readonly lists: ListCommandRunner) {}

  async execute({ user, listId, change, context }: ChangeListDetails): Promise<ListWritten> {
    const id = ListCommandRunner.checkId(listId);
    const { position } = await this.lists.run(
      id,
      (actor) => ({ type: 'ChangeListDetails', actor, ...change }),
      user,
      context,
    );
    return { id, position };
  }
}
