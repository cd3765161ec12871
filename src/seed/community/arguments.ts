export const DEFAULT_MEMBERS = 300;
/** Beyond this a demo community stops being a demo: hours of writes. */
export const MAX_MEMBERS = 5_000;

export class UsageError extends Error {}

export interface CommunityArguments {
  readonly members: number;
  readonly help: boolean;
}

/** `[--members N]` (or `--members=N`); `--help` asks for the usage. */
export function parseCommunityArguments(argv: readonly string[]): CommunityArguments {
  let members = DEFAULT_MEMBERS;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') return { members, help: true };
    const [flag, inline] = argument.split('=', 2) as [string, string | undefined];
    if (flag !== '--members') throw new UsageError(`unknown argument ${argument}`);
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || !/^\d+$/u.test(value))
      throw new UsageError('--members needs a whole number of members');
    members = Number(value);
    if (members < 1 || members > MAX_MEMBERS)
      throw new UsageError(`--members must be from 1 to ${MAX_MEMBERS}`);
  }
  return { members, help: false };
}
