"use client";
/// The button that brings an entry back as one of its history items left it (a new change, made
/// from the version the page shows; a later edit by someone else is refused, not overwritten).
import { useRouter } from "next/navigation";
import { useTranslation } from "react-i18next";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function RestoreVersion({ entryId, historyId, version }: { entryId: string; historyId: number; version: number }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { busy, message, run } = useApiAction();
  async function restore(allowNoPreferred = false) {
    const answer = await run<{ error?: { code: string } }>(`/api/glossary/${encodeURIComponent(entryId)}/restore`, "POST", {
      historyId,
      version,
      ...(allowNoPreferred ? { allowNoPreferred } : {}),
    });
    if (answer.ok) router.refresh();
    // Restoring a version without a preferred term is a choice to confirm, as in the form.
    else if (answer.body?.error?.code === "noPreferredTerm" && window.confirm(answer.body.error.message)) await restore(true);
  }
  return (
    <>
      <button type="button" className="link-button restore-version" disabled={busy} onClick={() => void restore()}>
        {t("integrity.restore")}
      </button>
      <Notice message={message} inline />
    </>
  );
}
