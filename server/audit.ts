/// The audit log: who did what, when and from where. Written in the same transaction as the
/// change it records; read by admins.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./db/schema";

/// What the log records; later features add their own (`suggestion.accept`, …).
export type AuditAction =
  | "login"
  | "login.failed"
  | "login.throttled"
  | "login.busy"
  | "logout"
  | "setup.admin"
  | "user.create"
  | "user.role"
  | "user.sessions.end"
  | "settings.change"
  | "document.import"
  | "document.import.refused"
  | "suggestion.accept"
  | "suggestion.reject"
  | "suggestion.support"
  | "revision.revert"
  | "glossary.create"
  | "glossary.edit"
  | "glossary.import"
  | "flag.dismiss"
  | "flag.restore"
  | "checks.rule";

/// Who acted: a signed-in user, or nobody (a visitor, or the command line).
export interface Actor {
  id: number;
  name: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  address: string | null;
}

/// Appends one entry.
export async function recordAudit(
  db: Kysely<Database>,
  entry: { actor?: Actor | null; action: AuditAction; target?: string | null; detail?: Record<string, unknown>; address?: string | null },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      actor_id: entry.actor?.id ?? null,
      actor_name: entry.actor?.name ?? null,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      address: entry.address ?? null,
    })
    .execute();
}

/// The newest entries first, `limit` at a time; `before` pages back by id.
export async function listAudit(db: Kysely<Database>, options: { limit?: number; before?: number; action?: string } = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(Math.min(options.limit ?? 100, 500));
  if (options.before) q = q.where("id", "<", options.before);
  if (options.action) q = q.where("action", "=", options.action);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_name,
    action: r.action,
    target: r.target,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    address: r.address,
  }));
}
