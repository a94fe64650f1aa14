/// Refusals of the checks workflow (dismissals, rule switches), each with an HTTP status and a
/// code the interface translates (`flags.errors.<code>`).
import "server-only";
import type { TFunction } from "i18next";
import { errorResponse } from "../http/responses";

export type FlagErrorCode = "reasonRequired" | "unknownParagraph" | "flagGone" | "alreadyDismissed" | "unknownDismissal" | "unknownRule";

const STATUS: Record<FlagErrorCode, number> = {
  reasonRequired: 400,
  unknownParagraph: 404,
  flagGone: 409,
  alreadyDismissed: 409,
  unknownDismissal: 404,
  unknownRule: 404,
};

export class FlagError extends Error {
  readonly status: number;
  constructor(
    readonly code: FlagErrorCode,
    message: string,
    readonly params: Record<string, string | number | null> = {},
  ) {
    super(message);
    this.name = "FlagError";
    this.status = STATUS[code];
  }
}

/// Runs a route's work, answering a FlagError as JSON in the reader's language.
export async function answerFlagErrors(t: TFunction, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof FlagError) return errorResponse(e.status, e.code, t(`flags.errors.${e.code}`, { ...e.params }), e.params);
    throw e;
  }
}
