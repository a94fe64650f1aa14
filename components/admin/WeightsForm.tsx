"use client";
/// The MQM penalty weights used by every document's quality score (admins only).
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SEVERITIES, type Severity } from "@/lib/corrections/categories";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function WeightsForm({ weights }: { weights: Record<Severity, number> }) {
  const { t } = useTranslation();
  const { busy, message, run } = useApiAction();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const mqmWeights = Object.fromEntries(SEVERITIES.map((s) => [s, Number(form.get(s))]));
    await run("/api/settings", "PUT", { mqmWeights }, () => t("admin.saved"));
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("admin.weights")}>
      {SEVERITIES.map((s) => (
        <label key={s}>
          {t(`severities.${s}`)}
          <input type="number" name={s} min={0} max={1000} step="any" required defaultValue={weights[s]} />
        </label>
      ))}
      <button type="submit" disabled={busy}>
        {t("admin.saveWeights")}
      </button>
      <Notice message={message} />
    </form>
  );
}
