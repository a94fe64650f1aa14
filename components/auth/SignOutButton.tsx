"use client";
import { useRouter } from "next/navigation";
import { useTranslation } from "react-i18next";
import { callApi } from "../api";

export function SignOutButton() {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await callApi("/api/auth/logout", "POST");
        router.replace("/");
        router.refresh();
      }}
    >
      {t("auth.signOut")}
    </button>
  );
}
