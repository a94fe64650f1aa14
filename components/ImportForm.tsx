"use client";
/// The import form: three files and a short name, sent as one multipart request.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

type Outcome =
  | { kind: "ok"; slug: string; message: string; metaChanged: boolean }
  | { kind: "error"; message: string };

export function ImportForm() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const response = await fetch("/api/documents", { method: "POST", body: new FormData(e.currentTarget) });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body?.result) {
        setOutcome({ kind: "error", message: t("import.failed", { reason: body?.error?.message ?? t("errors.generic") }) });
        return;
      }
      const r = body.result;
      const message =
        r.status === "created"
          ? t("import.created", { slug: r.slug, count: r.paragraphs })
          : r.status === "unchanged"
            ? t("import.unchanged", { slug: r.slug })
            : t("import.updated", {
                slug: r.slug,
                changed: r.fr.changed.length + r.en.changed.length,
                added: r.fr.added.length + r.en.added.length,
                removed: r.fr.removed.length + r.en.removed.length,
              });
      setOutcome({ kind: "ok", slug: r.slug, message, metaChanged: !!r.metaChanged });
    } catch {
      setOutcome({ kind: "error", message: t("import.failed", { reason: t("errors.generic") }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="import-form" onSubmit={submit} encType="multipart/form-data">
      <label>
        {t("import.slug")}
        <input type="text" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80} autoComplete="off" />
        <span className="help">{t("import.slugHelp")}</span>
      </label>
      <label>
        {t("import.fr")}
        <input type="file" name="fr" accept=".txt,text/plain" required />
      </label>
      <label>
        {t("import.en")}
        <input type="file" name="en" accept=".txt,text/plain" required />
      </label>
      <label>
        {t("import.meta")}
        <input type="file" name="meta" accept=".json,application/json" required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t("import.working") : t("import.submit")}
      </button>
      <div aria-live="polite">
        {outcome?.kind === "ok" && (
          <p className="notice ok" role="status">
            {outcome.message} {outcome.metaChanged && t("import.metaChanged")}{" "}
            <Link href={`/documents/${outcome.slug}`}>{t("import.openDocument")}</Link>
          </p>
        )}
        {outcome?.kind === "error" && (
          <p className="notice error" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}
