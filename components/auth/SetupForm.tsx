"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/names";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { busy, message, run } = useApiAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const answer = await run("/api/auth/setup", "POST", { token, name: form.get("name"), password: form.get("password") });
    if (!answer.ok) return;
    router.replace("/admin/users");
    router.refresh();
  }

  return (
    <form className="stack-form" onSubmit={submit}>
      <label>
        {t("auth.name")}
        <input type="text" name="name" autoComplete="username" required maxLength={40} />
        <span className="help">{t("auth.nameHelp")}</span>
      </label>
      <label>
        {t("auth.password")}
        <input type="password" name="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={256} />
        <span className="help">{t("security.passwordRules", { count: MIN_PASSWORD_LENGTH })}</span>
      </label>
      <button type="submit" disabled={busy}>
        {t("auth.setupSubmit")}
      </button>
      <Notice message={message} />
    </form>
  );
}
