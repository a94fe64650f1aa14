/// What an audit log entry's details say, as readable parts with links instead of raw JSON. Pure:
/// the page turns each part into a localized phrase (`admin.auditDetail.<key>`) and a link.

/// One readable piece of an entry's details: a locale key under `admin.auditDetail`, its
/// parameters, and where it links to, if anywhere. A refused import's part ("refusedBecause")
/// carries the refusal's `code` (a key under `errors.document`) and that error's parameters.
export interface AuditDetailPart {
  key: string;
  params: Record<string, string | number>;
  href?: string;
}

/// The fields of an entry that its details are read from.
export interface AuditEntryFacts {
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

const documentHref = (slug: string) => `/documents/${encodeURIComponent(slug)}`;
const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v));

/// The readable parts of an entry. `documentSlugs` maps document ids (as the workflow records
/// them) to slugs for links; an id it lacks (a deleted document) is shown as a number. A detail
/// this function does not know is still shown, as "name: value", so nothing is hidden.
export function auditDetails(entry: AuditEntryFacts, documentSlugs: ReadonlyMap<number, string>): AuditDetailPart[] {
  const parts: AuditDetailPart[] = [];
  const detail = { ...(entry.detail ?? {}) };
  const take = (name: string): unknown => {
    const v = detail[name];
    delete detail[name];
    return v;
  };
  const suggestionId = entry.target?.match(/^#(\d+)$/)?.[1];
  const revisionId = entry.target?.match(/^r(\d+)$/)?.[1];
  const documentId = take("document");
  if (typeof documentId === "number") {
    const slug = documentSlugs.get(documentId);
    const anchor = suggestionId ? `#s-${suggestionId}` : "";
    parts.push(
      slug
        ? { key: "document", params: { slug }, href: `${documentHref(slug)}${anchor}` }
        : { key: "documentGone", params: { id: documentId } },
    );
  }
  switch (entry.action) {
    case "document.import": {
      const status = take("status");
      if (entry.target) parts.unshift({ key: "document", params: { slug: entry.target }, href: documentHref(entry.target) });
      if (typeof status === "string") parts.push({ key: `importStatus.${status}`, params: {} });
      break;
    }
    case "document.import.refused": {
      const code = take("code");
      const params = take("params");
      if (typeof code === "string") {
        const values = Object.fromEntries(Object.entries(params && typeof params === "object" ? params : {}).map(([k, v]) => [k, typeof v === "number" ? v : text(v)]));
        parts.push({ key: "refusedBecause", params: { ...values, code } });
      }
      break;
    }
    case "suggestion.reject": {
      const reason = take("reason");
      if (typeof reason === "string") parts.push({ key: "reason", params: { reason } });
      break;
    }
    case "user.role": {
      const from = take("from");
      const to = take("to");
      if (typeof from === "string" && typeof to === "string") parts.push({ key: "roleChange", params: { from, to } });
      break;
    }
    case "user.create": {
      const role = take("role");
      if (typeof role === "string") parts.push({ key: "role", params: { role } });
      break;
    }
    case "user.sessions.end": {
      const n = take("sessions");
      if (typeof n === "number") parts.push({ key: "sessionsEnded", params: { count: n } });
      break;
    }
    case "glossary.create":
    case "glossary.edit":
      if (entry.target) parts.unshift({ key: "entry", params: { id: entry.target }, href: `/glossary/${encodeURIComponent(entry.target)}` });
      break;
    case "glossary.import":
      for (const name of ["created", "updated", "unchanged", "kept"]) {
        const n = take(name);
        if (typeof n === "number") parts.push({ key: `glossaryImport.${name}`, params: { count: n } });
      }
      take("file");
      break;
  }
  if (revisionId && !parts.some((p) => p.key === "revision")) parts.push({ key: "revision", params: { id: Number(revisionId) } });
  for (const [name, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    parts.push({ key: "field", params: { name, value: text(value) } });
  }
  return parts;
}
