/// The interface languages and their strings, shared by server and client rendering.
import en from "./en/common.json";
import fr from "./fr/common.json";

/// Interface languages, the first being the default.
export const UI_LANGUAGES = ["en", "fr"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = "en";

/// The cookie that remembers the chosen interface language.
export const UI_LANGUAGE_COOKIE = "lang";

/// i18next resources: one namespace, `common`, per language.
export const resources = { en: { common: en }, fr: { common: fr } } as const;

/// The interface language for a request: the cookie if it names one we have, else the first
/// language of Accept-Language we have, else English.
export function pickUiLanguage(cookie: string | undefined, acceptLanguage: string | null | undefined): UiLanguage {
  if (cookie && (UI_LANGUAGES as readonly string[]).includes(cookie)) return cookie as UiLanguage;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const code = part.trim().split(/[-;]/)[0].toLowerCase();
    if ((UI_LANGUAGES as readonly string[]).includes(code)) return code as UiLanguage;
  }
  return DEFAULT_UI_LANGUAGE;
}
