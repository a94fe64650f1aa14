"use client";
/// The form that asks a reviewer why they reject, for one suggestion or a grouped proposal.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";

export function RejectForm({ busy, onReject }: { busy: boolean; onReject(reason: string): Promise<void> }) {
  const { t } = useTranslation();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await onReject(String(new FormData(e.currentTarget).get("reason") ?? ""));
  }
  return (
    <form className="inline-form reject-form" onSubmit={submit}>
      <label>
        {t("corrections.rejectReason")}
        <input type="text" name="reason" required maxLength={2000} autoFocus />
      </label>
      <button type="submit" disabled={busy}>
        {t("corrections.confirmReject")}
      </button>
    </form>
  );
}
