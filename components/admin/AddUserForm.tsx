"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/names";
import { ROLES } from "@/lib/auth/roles";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function AddUserForm() {
  const { t } = useTranslation();
  const router = useRouter();
  const { busy, message, run } = useApiAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name"));
    const answer = await run("/api/users", "POST", { name, password: form.get("password"), role: form.get("role") }, () =>
      t("admin.userCreated", { name }),
    );
    if (!answer.ok) return;
    formElement.reset();
    router.refresh();
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("admin.addUser")}>
      <label>
        {t("auth.name")}
        <input type="text" name="name" required maxLength={40} autoComplete="off" />
      </label>
      <label>
        {t("auth.password")}
        <input type="password" name="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={256} autoComplete="new-password" title={t("security.passwordRules", { count: MIN_PASSWORD_LENGTH })} />
      </label>
      <label>
        {t("admin.role")}
        <select name="role" defaultValue="corrector">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {t("admin.add")}
      </button>
      <Notice message={message} />
    </form>
  );
}
