/// Argument parsing shared by every command: unknown options and bad values are usage errors,
/// which the command line reports in one line with exit status 2.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { findControlCharacter } from "../lib/text/controls";

/// Bad input from the person at the shell: exit status 2, one line on stderr.
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/// Parses `argv` strictly; `--help` is always accepted. An argument holding a control character
/// (lib/text/controls.ts) is a usage error naming it.
export function parse<O extends Options>(argv: string[], options: O) {
  for (const [i, arg] of argv.entries()) {
    const at = findControlCharacter(arg, { lines: false });
    if (at) throw new UsageError(`argument ${i + 1}: control character ${at.character} at position ${at.column} is not allowed`);
  }
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
}

/// Checks that an option's value is one of `allowed`.
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

/// Writes to stdout and resolves once it is flushed (so piping large output is never cut).
export function out(text: string): Promise<void> {
  return new Promise((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once("drain", resolve)));
}
