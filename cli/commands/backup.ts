import { configFromEnv, type Db } from "../../server/db/connection";
import { backupDatabase, BackupError, restoreDatabase } from "../../server/db/backup";
import { migrationNames } from "../../server/db/migrations";
import { out, parse, UsageError } from "../args";

export const backupUsage = `Usage: npm run -s cli -- backup FILE

Copies the embedded SQLite database (DATA_DIR/vis-a-vis.sqlite) to FILE, a new file, with
SQLite's online backup API: safe while the server runs. With PostgreSQL (DATABASE_URL) use
pg_dump instead; the command says how.`;

export const restoreUsage = `Usage: npm run -s cli -- restore FILE

Replaces the embedded SQLite database with the backup in FILE (made by \`backup\`), after checking
that it is a Vis-à-vis database and not from a newer version of the app. Stop the server first,
or restart it after: open live streams are told to reload. With PostgreSQL use pg_restore.`;

function fileArgument(argv: string[], usage: string) {
  const { values, positionals } = parse(argv, {});
  if (values.help) return { help: usage };
  if (positionals.length !== 1) throw new UsageError("give exactly one file name (see --help)");
  return { file: positionals[0] };
}

/// Turns what cannot be done as asked into a usage error (exit status 2, one line).
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BackupError) throw new UsageError(e.message);
    throw e;
  }
}

export async function runBackup(argv: string[], _open: () => Promise<Db>): Promise<number> {
  const args = fileArgument(argv, backupUsage);
  if (args.help !== undefined) return out(args.help + "\n").then(() => 0);
  const bytes = await asUsage(() => backupDatabase(configFromEnv(), args.file!));
  await out(`backed up to ${args.file} (${bytes} bytes)\n`);
  return 0;
}

export async function runRestore(argv: string[], _open: () => Promise<Db>): Promise<number> {
  const args = fileArgument(argv, restoreUsage);
  if (args.help !== undefined) return out(args.help + "\n").then(() => 0);
  const { documents } = await asUsage(() => restoreDatabase(configFromEnv(), args.file!, migrationNames()));
  await out(`restored ${args.file} (${documents} documents)\n`);
  return 0;
}
