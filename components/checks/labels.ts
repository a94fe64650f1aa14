"use client";
/// How a flag reads in the interface language: its message (a full key, `checks.messages.…`), the
/// MQM category and severity names the rest of the app uses.
import type { TFunction } from "i18next";
import type { FlagView } from "@/lib/flags/view";

export const categoryLabel = (t: TFunction, category: string) => t(`categories.${category.replace("/", "_")}`, { defaultValue: category });

/// A rule's name (`checks.rules.<id>`), its id where it has none.
export const ruleLabel = (t: TFunction, id: string) => t(`checks.rules.${id}`, { defaultValue: id });

export const flagMessage = (t: TFunction, flag: Pick<FlagView, "message" | "rule">) =>
  t(flag.message.key, { ...flag.message.params, defaultValue: flag.rule });

/// The id of a flag's item in the list under its paragraph (the marks in the text point at it).
export const flagItemId = (key: string) => `flag-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/// The flagged words as quoted in a list: long spans (a rule about the whole paragraph) cut short.
export function quoteOf(text: string, flag: Pick<FlagView, "start" | "end">, max = 60): string {
  const words = text.slice(flag.start, flag.end);
  return words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
}
