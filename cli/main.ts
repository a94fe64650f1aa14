/// The command line: `npm run -s cli -- <command> …`. A thin shell over server/ and lib/.
/// Bad input exits with status 2 and one line on stderr; other failures exit with 1.
/// Commands are loaded when used, so that the ones on files alone (terms, align, check) start
/// without loading the database's modules.
import { UsageError } from "./args";

const commands = {
  import: () => import("./commands/import"),
  list: () => import("./commands/list"),
  export: () => import("./commands/export"),
  user: () => import("./commands/user"),
  glossary: () => import("./commands/glossary"),
  backup: async () => ({ run: (await import("./commands/backup")).runBackup }),
  restore: async () => ({ run: (await import("./commands/backup")).runRestore }),
} as const;

const usage = `Usage: npm run -s cli -- <command> [options]

Commands:
  import DIR | import FR EN       import or update a document (a folder, or two files: .txt .md .html .docx)
  list                            list the documents
  export SLUG --format txt|json|meta  print a document
  terms FR.txt [--en EN.txt] [--glossary DIR] --format json
                                  find glossary terms in a text (no database needed)
  align FR.txt EN.txt [--level paragraph|sentence] --format tsv|json
                                  align a French text with its English (no database needed)
  check FR.txt [--en EN.txt] [--glossary DIR] --format json
                                  point at likely translation errors (no database needed;
                                  check --rules lists the rules)
  glossary import FILE | glossary export --format tbx|csv
                                  the app's glossary
  backup FILE | restore FILE      copy the SQLite database to FILE, or back from it
                                  (PostgreSQL: pg_dump / pg_restore, as the command says)
  user add NAME --role ROLE --password-stdin
                                  create an account (user list: the accounts)

Each command has --help. The database is DATABASE_URL (PostgreSQL) or DATA_DIR/vis-a-vis.sqlite
(default data/), created and filled with the corpus/ folder on first use, as the server does.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage + "\n");
    return name ? 0 : 2;
  }
  // Commands on files alone, which need no database.
  if (name === "terms") return (await import("./commands/terms")).run(rest);
  if (name === "align") return (await import("./commands/align")).run(rest);
  if (name === "check") return (await import("./commands/check")).run(rest);
  const load = Object.hasOwn(commands, name) ? commands[name as keyof typeof commands] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}" (see --help)`);
  const [command, { prepareDatabase }] = await Promise.all([load(), import("../server/ready")]);
  return command.run(rest, () => prepareDatabase(process.env));
}

/// Whether `e` is bad input (exit status 2) rather than a failure.
async function isBadInput(e: unknown): Promise<boolean> {
  if (e instanceof UsageError) return true;
  const [{ DocumentError }, { CorrectionsFileError }, { TextDecodeError, ControlCharacterError }] = await Promise.all([
    import("../lib/corpus/document"),
    import("../server/corrections/file"),
    import("../lib/text/decode"),
  ]);
  return e instanceof DocumentError || e instanceof CorrectionsFileError || e instanceof TextDecodeError || e instanceof ControlCharacterError;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    const bad = await isBadInput(e);
    process.stderr.write(`vis-a-vis: ${(e as Error).message}\n`);
    process.exitCode = bad ? 2 : 1;
  },
);
