import { ConfigError } from '../../config/index.js';

/**
 * The ending every command-line entry point shares: the exit code `main` answers, or 1 with
 * one line per bad variable (ConfigError) or `<what> failed: <message>` for anything else.
 */
export function runCli(what: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
      } else {
        process.stderr.write(`${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    },
  );
}
