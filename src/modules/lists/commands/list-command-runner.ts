import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { loadStream, StreamFolds, type CommandContext } from '#decider';
import { EVENT_STORE, type EventStore, type Position } from '#event-store';
import { Authenticator, type SignedInUser } from '../../../common/auth/index.js';
import {
  PositionedCommandRunner,
  type PositionedResult,
} from '../../../platform/commands/positioned-command-runner.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import { isUuid } from '../../../common/uuid.js';
import {
  listDecider,
  ListEditForbidden,
  ListNotFound,
  type ListActor,
  type ListCommand,
  type ListState,
} from '../domain/list.decider.js';
import { listStream, type ListEvent } from '../domain/list.events.js';
import { ListNotFoundException } from '../list-errors.js';
import { mayReaderSee } from '../queries/list-visibility.js';

/** Lists whose folds a process keeps: a 1,001-film list's state is some tens of kilobytes. */
const LISTS_FOLDED = 256;

export interface ListDecision {
  readonly result: PositionedResult<ListEvent, ListState>;
  /** The last event of the stream, or the origin when nothing was ever written. */
  readonly position: Position;
}

/**
 * Runs a command on a list's stream. A refusal to edit is a 403 only for someone who may see the
 * list; anyone else gets the same 404 as for a list that does not exist, so nothing leaks.
 */
@Injectable()
export class ListCommandRunner {
  /**
   * A ranked list is a long stream (every add and move is an event): a command folds only what
   * was appended since this process last folded it (docs/adr/0023).
   */
  private readonly folds = new StreamFolds<ListState>(LISTS_FOLDED);

  constructor(
    private readonly runner: PositionedCommandRunner,
    private readonly authenticator: Authenticator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
  ) {}

  /** Roles are read live, like the guard reads them: a revoked admin loses the rights at once. */
  async actorOf(user: SignedInUser): Promise<ListActor> {
    return { id: user.id, admin: await this.authenticator.holds(user.id, 'admin') };
  }

  async run(
    listId: string,
    command: (actor: ListActor) => ListCommand,
    user: SignedInUser,
    context: CommandContext,
  ): Promise<ListDecision> {
    const actor = await this.actorOf(user);
    const decided = command(actor);
    try {
      const result = await this.runner.run({
        decider: listDecider,
        streamId: listStream(listId),
        command: decided,
        context,
        folds: this.folds,
      });
      return { result, position: result.position };
    } catch (error) {
      if (error instanceof ListNotFound) throw new ListNotFoundException();
      if (error instanceof ListEditForbidden) {
        // A member asking for an official list has nothing to hide: the list does not exist yet.
        if (decided.type === 'CreateList' || (await this.visibleTo(listId, actor.id)))
          throw new ForbiddenException(error.message);
        throw new ListNotFoundException();
      }
      throw error;
    }
  }

  /** A list id that is not a UUID names no list: 404 before anything else is looked up. */
  static checkId(listId: string): string {
    if (!isUuid(listId)) throw new ListNotFoundException();
    return listId.toLowerCase();
  }

  /** Judged on the stream, which the refusal was decided on; friendship on the follows table. */
  private async visibleTo(listId: string, readerId: string): Promise<boolean> {
    const { state } = await loadStream(this.store, listStream(listId), listDecider, {});
    if (state.ownerId === null) return false;
    return mayReaderSee(this.pool, { ownerId: state.ownerId, visibility: state.visibility }, readerId);
  }
}
