"use client";
/// Importing a term base (.tbx or .csv) into the glossary: one file, sent as a multipart form;
/// the notice says what changed, or why the file was refused (then nothing was stored).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ActionMessage } from "../useApiAction";
import { Notice } from "../Notice";

export function GlossaryImportForm() {
  const { t } = useTranslation();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch("/api/glossary/import", { method: "POST", body: new FormData(formElement) });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body?.result) {
        setMessage({ ok: false, text: t("glossary.importFailed", { reason: body?.error?.message ?? t("errors.generic") }) });
        return;
      }
      const r = body.result as { file: string; created: number; updated: number; unchanged: number; kept: number };
      setMessage({ ok: true, text: t("glossary.imported", {
          file: r.file,
          created: t("glossary.importedNew", { count: r.created }),
          updated: t("glossary.importedUpdated", { count: r.updated }),
          unchanged: t("glossary.importedUnchanged", { count: r.unchanged }),
          kept: t("glossary.importedKept", { count: r.kept }),
        }) });
      formElement.reset();
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t("glossary.importFailed", { reason: t("errors.generic") }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form glossary-import" onSubmit={submit} encType="multipart/form-data" aria-label={t("glossary.importTitle")}>
      <label>
        {t("glossary.importFile")}
        <input type="file" name="file" accept=".tbx,.xml,.csv,.tsv,application/xml,text/csv" required />
        <span className="help">{t("glossary.importHelp")}</span>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t("glossary.importing") : t("glossary.import")}
      </button>
      <Notice message={message} />
    </form>
  );
}
