/// The command line: `npm run -s cli -- <command> …`. A thin shell over server/ and lib/.
/// Bad input exits with status 2 and one line on stderr; other failures exit with 1.
import { DocumentError } from "../lib/corpus/document";
import { TextDecodeError } from "../lib/text/decode";
import { CorrectionsFileError } from "../server/corrections/file";
import { prepareDatabase } from "../server/ready";
import { UsageError } from "./args";
import * as exportCommand from "./commands/export";
import * as importCommand from "./commands/import";
import * as listCommand from "./commands/list";
import * as userCommand from "./commands/user";
import * as termsCommand from "./commands/terms";
import * as alignCommand from "./commands/align";
import * as checkCommand from "./commands/check";
import * as glossaryCommand from "./commands/glossary";
import { runBackup, runRestore } from "./commands/backup";

const commands = {
  import: importCommand,
  list: listCommand,
  export: exportCommand,
  user: userCommand,
  glossary: glossaryCommand,
  backup: { run: runBackup },
  restore: { run: runRestore },
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
  if (name === "terms") return termsCommand.run(rest);
  if (name === "align") return alignCommand.run(rest);
  if (name === "check") return checkCommand.run(rest);
  const command = commands[name as keyof typeof commands];
  if (!command) throw new UsageError(`unknown command "${name}" (see --help)`);
  return command.run(rest, () => prepareDatabase(process.env));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const bad = e instanceof UsageError || e instanceof DocumentError || e instanceof CorrectionsFileError || e instanceof TextDecodeError;
    process.stderr.write(`vis-a-vis: ${(e as Error).message}\n`);
    process.exitCode = bad ? 2 : 1;
  },
);
