"use client";
/// Switches the interface language: remembered in a cookie, then the page is rendered again by
/// the server in the new language.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTranslation } from "react-i18next";
import { UI_LANGUAGE_COOKIE, UI_LANGUAGES, type UiLanguage } from "@/locales";
import { setPreferenceCookie } from "./preferences";

export function LanguageSwitcher({ current }: { current: UiLanguage }) {
  const { t } = useTranslation();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="language-switcher" role="group" aria-label={t("language.label")}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          disabled={pending}
          data-lang={lang}
          onClick={() => {
            if (lang === current) return;
            setPreferenceCookie(UI_LANGUAGE_COOKIE, lang);
            startTransition(() => router.refresh());
          }}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
