import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { ListDeleted } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

/** Deletes a list: its owner, or an admin for an official list. A second delete is a 404. */
export class DeleteList extends Command<ListDeleted> {
  constructor(
    readonly user: SignedInUser,
    readonly listId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteList)
export class DeleteListHandler implements ICommandHandler<DeleteList> {
  constructor(private readonly lists: ListCommandRunner) {}

  async execute({ user, listId, context }: DeleteList): Promise<ListDeleted> {
    const id = ListCommandRunner.checkId(listId);
    const { position } = await this.lists.run(id, (actor) => ({ type: 'DeleteList', actor }), user, context);
    return { id, deleted: true, position };
  }
}
