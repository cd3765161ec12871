import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { ChangeRole } from '../../modules/identity/commands/change-role/change-role.command.js';
import { RegisterMember } from '../../modules/identity/commands/register/register.command.js';
import { membersProjection } from '../../modules/identity/projections/members.projection.js';
import { PublishListEdition } from '../../modules/lists/commands/publish-list-edition/publish-list-edition.command.js';
import { CreateList } from '../../modules/lists/commands/create-list/create-list.command.js';
import { listsProjection } from '../../modules/lists/projections/lists.projection.js';
import { GetMemberLists } from '../../modules/lists/queries/member-lists/member-lists.query.js';
import type { CommunityPlan, MemberPlan } from './community-plan.js';
import { MemberHistorySeeder, type SeededMember } from './member-history-seeder.js';
import type { OfficialListDraft } from './official-lists.js';
import { Tally, type CommunityCounts } from './tally.js';

export interface CommunityServices {
  readonly commands: CommandBus;
  readonly queries: QueryBus;
  readonly accounts: { findByUsername(username: string): Promise<SeededMember | null> };
  /** True once the named projections have applied every event written so far; false past its bound. */
  readonly caughtUp: (projections: readonly string[]) => Promise<boolean>;
}

export interface CommunitySeedOptions {
  readonly password: string;
  /** Members whose histories are written at once. */
  readonly concurrency: number;
  /** Every event of the run carries it, so the run can be found in the log as one. */
  readonly correlationId: string;
}

/** More than any curator keeps: the official lists are all read back in one page. */
const CURATOR_LISTS_PAGE = 100;

/**
 * Writes the planned community through the application's commands. Idempotent by member: one
 * whose username is taken already is left alone with all of their history; official lists are
 * looked up by title first.
 */
export async function seedCommunity(
  services: CommunityServices,
  plan: CommunityPlan,
  options: CommunitySeedOptions,
): Promise<CommunityCounts> {
  const tally = new Tally();
  const context = (actorId: string | null): CommandContext => ({
    actorId,
    correlationId: options.correlationId,
    causationId: null,
  });
  const curator = await ensureCurator(services, plan.curator, options, tally);
  await seedOfficialLists(services, curator, plan.officialLists, context(curator.id), tally);
  const newMembers = await registerMembers(services, plan.members, options, tally);
  const histories = new MemberHistorySeeder(services.commands, tally, context);
  await inParallel(newMembers, options.concurrency, ({ member, memberPlan }) =>
    histories.seed(member, memberPlan),
  );
  for (const { member, memberPlan } of newMembers) await histories.seedLatest(member, memberPlan);
  return tally.counts();
}

async function register(
  services: CommunityServices,
  username: string,
  options: CommunitySeedOptions,
): Promise<SeededMember> {
  const email = `${username.toLowerCase()}@example.org`;
  const { user } = await services.commands.execute(
    new RegisterMember(username, email, options.password, options.correlationId),
  );
  return user;
}

/** The curator is an admin, granted through the same command an admin's request runs. */
async function ensureCurator(
  services: CommunityServices,
  username: string,
  options: CommunitySeedOptions,
  tally: Tally,
): Promise<SeededMember> {
  let curator = await services.accounts.findByUsername(username);
  if (curator === null) {
    curator = await register(services, username, options);
    tally.add('members');
  } else tally.found('members');
  // No admin exists to grant it in a new community: the curator's role is on record as self-granted.
  await services.commands.execute(
    new ChangeRole('grant', username, 'admin', curator.id, options.correlationId),
  );
  // Official lists are for admins only, and the list commands read roles from the members read model.
  if (!(await services.caughtUp([membersProjection.name, listsProjection.name])))
    throw new Error(
      'the members and lists read models did not catch up: is a worker running the projections?',
    );
  return curator;
}

async function seedOfficialLists(
  services: CommunityServices,
  curator: SeededMember,
  drafts: readonly OfficialListDraft[],
  context: CommandContext,
  tally: Tally,
): Promise<void> {
  const { items } = await services.queries.execute(
    new GetMemberLists(curator.username, curator.id, { limit: CURATOR_LISTS_PAGE }),
  );
  const titles = new Set(items.filter((list) => list.official).map((list) => list.title));
  for (const { films, ...draft } of drafts) {
    if (titles.has(draft.title)) {
      tally.found('officialLists');
      continue;
    }
    const list = { ...draft, visibility: 'public' as const, official: true };
    const created = await tally.attempt('officialLists', `official list "${draft.title}"`, () =>
      services.commands.execute(new CreateList(curator, list, context)),
    );
    if (created === null) continue;
    await tally.attempt(null, `edition of "${draft.title}"`, () =>
      services.commands.execute(new PublishListEdition(curator, created.id, films, context)),
    );
  }
}

interface NewMember {
  readonly member: SeededMember;
  readonly memberPlan: MemberPlan;
}

/** Registers every member not there yet (all before any history, so each follow finds its member). */
async function registerMembers(
  services: CommunityServices,
  plans: readonly MemberPlan[],
  options: CommunitySeedOptions,
  tally: Tally,
): Promise<NewMember[]> {
  const created: NewMember[] = [];
  await inParallel(plans, options.concurrency, async (memberPlan) => {
    if ((await services.accounts.findByUsername(memberPlan.username)) !== null) {
      tally.found('members');
      return;
    }
    const member = await register(services, memberPlan.username, options);
    tally.add('members');
    created.push({ member, memberPlan });
  });
  return created;
}

/** Runs `work` on each item, `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
