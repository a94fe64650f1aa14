"use client";
/// Gives client components their translations, in the language the server rendered with.
import { createInstance } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { resources, type UiLanguage } from "@/locales";

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  const i18n = useMemo(() => {
    const instance = createInstance();
    void instance.use(initReactI18next).init({
      lng: lang,
      resources,
      defaultNS: "common",
      fallbackLng: false,
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    return instance;
  }, [lang]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
