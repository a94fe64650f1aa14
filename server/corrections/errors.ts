/// Refusals of the correction workflow, each with an HTTP status and a code the interface
/// translates (`errors.corrections.<code>`).
import "server-only";

export type CorrectionErrorCode =
  | "unknownSuggestion"
  | "unknownParagraph"
  | "unknownRevision"
  | "notOpen"
  | "conflict"
  | "paragraphChanged"
  | "textMismatch"
  | "emptyChange"
  | "reasonRequired"
  | "notRevertable"
  | "alreadyReverted"
  | "duplicate"
  // Comment threads (server/comments): messages under `threads.errors`.
  | "unknownThread"
  | "badAnchor"
  | "threadForbidden";

const STATUS: Record<CorrectionErrorCode, number> = {
  unknownSuggestion: 404,
  unknownParagraph: 404,
  unknownRevision: 404,
  notOpen: 409,
  conflict: 409,
  paragraphChanged: 409,
  textMismatch: 400,
  emptyChange: 400,
  reasonRequired: 400,
  notRevertable: 409,
  alreadyReverted: 409,
  duplicate: 409,
  unknownThread: 404,
  badAnchor: 400,
  threadForbidden: 403,
};

/// Codes whose message lives in the `integrity.errors` section of the locales.
const LOCALE_SECTION: Partial<Record<CorrectionErrorCode, string>> = {
  duplicate: "integrity.errors",
  unknownThread: "threads.errors",
  badAnchor: "threads.errors",
  threadForbidden: "threads.errors",
};

export class CorrectionError extends Error {
  readonly status: number;
  constructor(
    readonly code: CorrectionErrorCode,
    message: string,
    readonly params: Record<string, string | number | null> = {},
    /// Data the answer carries besides the message (a duplicate's existing suggestion).
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "CorrectionError";
    this.status = STATUS[code];
  }

  /// The locale key of this refusal's message.
  get messageKey(): string {
    return `${LOCALE_SECTION[this.code] ?? "errors.corrections"}.${this.code}`;
  }
}
