/// Translations for server components and route handlers: a plain i18next instance per
/// interface language (react-i18next stays in client components).
import "server-only";
import { createInstance, type TFunction } from "i18next";
import { cookies, headers } from "next/headers";
import { pickUiLanguage, resources, UI_LANGUAGE_COOKIE, type UiLanguage } from "../locales";

const instances = new Map<UiLanguage, TFunction>();

/// The translate function for one interface language.
export function translator(lang: UiLanguage): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      lng: lang,
      resources,
      defaultNS: "common",
      fallbackLng: false,
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    t = i18n.t.bind(i18n) as TFunction;
    instances.set(lang, t);
  }
  return t;
}

/// The request's interface language (cookie, then Accept-Language) and its translate function.
export async function requestTranslation(): Promise<{ lang: UiLanguage; t: TFunction }> {
  const lang = pickUiLanguage((await cookies()).get(UI_LANGUAGE_COOKIE)?.value, (await headers()).get("accept-language"));
  return { lang, t: translator(lang) };
}
