import { LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from '../domain/list.decider.js';

export interface ImportListOptions {
  readonly file: string;
  readonly title: string;
  readonly description: string | null;
  readonly ranked: boolean;
  /** Null: the first admin. */
  readonly admin: string | null;
}

export class UsageError extends Error {}

const VALUED = ['--title', '--description', '--admin'] as const;
type Valued = (typeof VALUED)[number];

const codePoints = (text: string): number => [...text].length;

/** A title or description as the API would take it: trimmed, within its length, without NUL. */
function text(name: string, value: string | undefined, max: number, required: boolean): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    if (required) throw new UsageError(`Give the list a ${name} with --${name} "..."`);
    return null;
  }
  if (trimmed.includes('\0')) throw new UsageError(`The ${name} must not contain NUL`);
  if (codePoints(trimmed) > max) throw new UsageError(`The ${name} is longer than ${max} characters`);
  return trimmed;
}

/** `<file> --title T [--description D] [--unranked] [--admin U]`; `--flag=value` works too. */
export function parseImportListArguments(argv: readonly string[]): ImportListOptions {
  const files: string[] = [];
  const values: Partial<Record<Valued, string>> = {};
  let ranked = true;
  for (let at = 0; at < argv.length; at += 1) {
    const argument = argv[at]!;
    const [flag = '', inline] = argument.startsWith('--') ? splitOnce(argument, '=') : [argument];
    if (argument === '--unranked') ranked = false;
    else if ((VALUED as readonly string[]).includes(flag)) {
      const value = inline ?? argv[(at += 1)];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (values[flag as Valued] !== undefined) throw new UsageError(`${flag} is given twice`);
      values[flag as Valued] = value;
    } else if (argument.startsWith('--')) throw new UsageError(`Unknown argument ${argument}`);
    else files.push(argument);
  }
  if (files.length !== 1) throw new UsageError('Give exactly one file');
  return {
    file: files[0]!,
    title: text('title', values['--title'], LIST_TITLE_MAX, true)!,
    description: text('description', values['--description'], LIST_DESCRIPTION_MAX, false),
    ranked,
    admin: values['--admin']?.trim() || null,
  };
}

const splitOnce = (argument: string, separator: string): [string, string?] => {
  const at = argument.indexOf(separator);
  return at === -1 ? [argument] : [argument.slice(0, at), argument.slice(at + 1)];
};
