import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { ListVisibility } from '../../domain/list.events.js';
import type { ListWritten } from '../../lists.response.js';
import { ListCommandRunner } from '../list-command-runner.js';

export interface NewList {
  readonly title: string;
  readonly description: string | null;
  readonly ranked: boolean;
  readonly visibility: ListVisibility;
  readonly official: boolean;
}

/** A member makes a personal list, or an admin an official one; the list gets a new id. */
export class CreateList extends Command<ListWritten> {
  constructor(
    readonly user: SignedInUser,
    readonly list: NewList,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CreateList)
export class CreateListHandler implements ICommandHandler<CreateList> {
  constructor(private readonly lists: ListCommandRunner) {}

  async execute({ user, list, context }: CreateList): Promise<ListWritten> {
    const id = randomUUID();
    const { position } = await this.lists.run(
      id,
      (actor) => ({ type: 'CreateList', actor, ...list }),
      user,
      context,
    );
    return { id, position };
  }
}
