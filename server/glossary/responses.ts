/// Glossary edit refusals as HTTP answers, in the reader's language.
import "server-only";
import { errorResponse } from "../http/responses";
import { EntryEditError } from "./store";

/// The answer for an EntryEditError (409, with what the form needs to say and do next); any other
/// error is thrown on.
export function entryEditErrorResponse(e: unknown, t: (key: string, params?: Record<string, unknown>) => string): Response {
  if (!(e instanceof EntryEditError)) throw e;
  const params = { ...e.params };
  const langs = Array.isArray(params.langs) ? (params.langs as string[]).map((l) => t(`langName.${l}`)).join(", ") : "";
  return errorResponse(409, e.code, t(`integrity.errors.${e.code}`, { ...params, langs }), e.params);
}
