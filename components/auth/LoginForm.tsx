"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { safeNext } from "../../lib/http/return-path";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function LoginForm({ next }: { next?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { busy, message, run } = useApiAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const answer = await run("/api/auth/login", "POST", { name: form.get("name"), password: form.get("password") });
    if (!answer.ok) return;
    router.replace(safeNext(next, window.location.origin));
    router.refresh();
  }

  return (
    <form className="stack-form" onSubmit={submit}>
      <label>
        {t("auth.name")}
        <input type="text" name="name" autoComplete="username" required maxLength={100} />
      </label>
      <label>
        {t("auth.password")}
        <input type="password" name="password" autoComplete="current-password" required maxLength={1024} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t("auth.working") : t("auth.signIn")}
      </button>
      <Notice message={message} />
    </form>
  );
}
