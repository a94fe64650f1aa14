"use client";
/// The form for a whole glossary entry, new or existing: id (new only), subject field, note, and
/// per language a definition, notes (one a line) and the terms, one row each (text, status,
/// part of speech, gender, type, note), rows added and removed at will. Deprecating a term is
/// choosing "deprecated" as its status. Saves through the API and shows its errors.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LANGS, TERM_STATUSES, type Lang, type Term, type TermEntry, type TermStatus } from "@/lib/glossary/model";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";
import { GENDERS, PARTS_OF_SPEECH, TERM_TYPES, valueLabel } from "./labels";

interface TermRow {
  key: number;
  text: string;
  status: TermStatus;
  partOfSpeech: string;
  gender: string;
  termType: string;
  note: string;
}

interface SectionState {
  definition: string;
  notes: string;
  terms: TermRow[];
}

interface FormState {
  id: string;
  subjectField: string;
  note: string;
  langs: Record<Lang, SectionState>;
}

let nextKey = 1;
const emptyRow = (status: TermStatus = "preferred"): TermRow => ({
  key: nextKey++,
  text: "",
  status,
  partOfSpeech: "",
  gender: "",
  termType: "",
  note: "",
});

function initialState(entry: TermEntry | null): FormState {
  const langs = {} as Record<Lang, SectionState>;
  for (const lang of LANGS) {
    const s = entry?.langs[lang];
    langs[lang] = {
      definition: s?.definition ?? "",
      notes: (s?.notes ?? []).join("\n"),
      terms: s?.terms.length
        ? s.terms.map((t) => ({
            key: nextKey++,
            text: t.text,
            status: t.status,
            partOfSpeech: t.partOfSpeech ?? "",
            gender: t.gender ?? "",
            termType: t.termType ?? "",
            note: t.note ?? "",
          }))
        : [emptyRow()],
    };
  }
  return { id: entry?.id ?? "", subjectField: entry?.subjectField ?? "", note: entry?.note ?? "", langs };
}

/// The entry the form describes: blank rows dropped, empty optional fields left out, a language
/// with nothing in it left out.
function toEntry(state: FormState): TermEntry {
  const opt = (v: string) => (v.trim() === "" ? undefined : v.trim());
  const entry: TermEntry = { id: state.id.trim(), langs: {} };
  if (opt(state.subjectField)) entry.subjectField = opt(state.subjectField);
  if (opt(state.note)) entry.note = opt(state.note);
  for (const lang of LANGS) {
    const s = state.langs[lang];
    const terms = s.terms
      .filter((r) => [r.text, r.partOfSpeech, r.gender, r.termType, r.note].some((v) => v.trim() !== ""))
      .map((r) => {
        const term: Term = { text: r.text.trim(), status: r.status };
        if (opt(r.partOfSpeech)) term.partOfSpeech = opt(r.partOfSpeech);
        if (opt(r.gender)) term.gender = opt(r.gender);
        if (opt(r.termType)) term.termType = opt(r.termType);
        if (opt(r.note)) term.note = opt(r.note);
        return term;
      });
    const notes = s.notes
      .split(/\r?\n/)
      .map((n) => n.trim())
      .filter((n) => n !== "");
    const definition = opt(s.definition);
    if (terms.length === 0 && notes.length === 0 && !definition) continue;
    entry.langs[lang] = { ...(definition ? { definition } : {}), notes, terms };
  }
  return entry;
}

export function EntryForm({ entry, version: openedVersion }: { entry: TermEntry | null; version?: number }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { busy, message, run } = useApiAction();
  const [state, setState] = useState<FormState>(() => initialState(entry));
  const [problem, setProblem] = useState<string | null>(null);
  // The version this edit is based on; after a conflict, the one the terminologist chose to save over.
  const [version, setVersion] = useState(openedVersion);
  const [conflict, setConflict] = useState<{ version: number; by: string } | null>(null);
  // Set once the server said the edit leaves a language without a preferred term.
  const [losing, setLosing] = useState<string | null>(null);
  const [confirmLosing, setConfirmLosing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const isNew = entry === null;

  const setSection = (lang: Lang, change: (s: SectionState) => SectionState) =>
    setState((s) => ({ ...s, langs: { ...s.langs, [lang]: change(s.langs[lang]) } }));
  const setRow = (lang: Lang, key: number, change: Partial<TermRow>) =>
    setSection(lang, (s) => ({ ...s, terms: s.terms.map((r) => (r.key === key ? { ...r, ...change } : r)) }));

  /// Adds a row and moves the focus to its text box.
  const addRow = (lang: Lang) => {
    const row = emptyRow(state.langs[lang].terms.some((r) => r.status === "preferred") ? "admitted" : "preferred");
    setSection(lang, (s) => ({ ...s, terms: [...s.terms, row] }));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`#term-${row.key}-text`)?.focus());
  };

  /// Removes a row and moves the focus to the language's "add" button (the row's own button is gone).
  const removeRow = (lang: Lang, key: number) => {
    setSection(lang, (s) => ({ ...s, terms: s.terms.filter((r) => r.key !== key) }));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLButtonElement>(`#add-term-${lang}`)?.focus());
  };

  /// Says which field an API error is about, in words ("French, term 2: text").
  const fieldName = (path: string): string => {
    const parts = path.split(".");
    if (parts[0] !== "langs" || !parts[1]) return t(`glossary.fields.${parts[0]}`, { defaultValue: path });
    const lang = t(`langName.${parts[1]}`, { defaultValue: parts[1] });
    if (parts[2] === "terms" && parts[3] !== undefined) {
      const field = parts[4] ? `: ${t(`glossary.fields.${parts[4]}`, { defaultValue: parts[4] })}` : "";
      return `${lang}, ${t("glossary.termNumber", { number: Number(parts[3]) + 1 })}${field}`;
    }
    return `${lang}${parts[2] ? `: ${t(`glossary.fields.${parts[2]}`, { defaultValue: parts[2] })}` : ""}`;
  };

  async function submit(e?: FormEvent<HTMLFormElement>, over?: number) {
    e?.preventDefault();
    setProblem(null);
    const body = toEntry(state);
    const url = isNew ? "/api/glossary" : `/api/glossary/${encodeURIComponent(entry.id)}`;
    const base = over ?? version;
    const answer = await run<{
      entry: TermEntry;
      error?: { code: string; message: string; params?: { field?: string; problem?: string; version?: number; by?: string; langs?: string[] } };
    }>(url, isNew ? "POST" : "PUT", isNew ? body : { ...body, version: base, ...(confirmLosing ? { allowNoPreferred: true } : {}) });
    if (!answer.ok) {
      const error = answer.body?.error;
      const params = error?.params;
      if (error?.code === "versionConflict" && params?.version) setConflict({ version: params.version, by: params.by ?? "" });
      if (error?.code === "noPreferredTerm") setLosing((params?.langs ?? []).map((l) => t(`langName.${l}`)).join(", "));
      if (params?.field) setProblem(`${fieldName(params.field)}${params.problem ? ` — ${params.problem}` : ""}`);
      return;
    }
    // The entry's page says it was saved (and as which version).
    router.push(`/glossary/${encodeURIComponent(body.id)}?saved=1`);
    router.refresh();
  }

  const input = (props: { id: string; label: string; value: string; onChange: (v: string) => void; lang?: string; maxLength: number; list?: string }) => (
    <label htmlFor={props.id}>
      {props.label}
      <input
        id={props.id}
        type="text"
        value={props.value}
        lang={props.lang}
        maxLength={props.maxLength}
        list={props.list}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );

  return (
    <form ref={formRef} className="entry-form" onSubmit={submit} aria-label={isNew ? t("glossary.newTitle") : t("glossary.editTitle")}>
      <div className="entry-form-top">
        {isNew ? (
          <label htmlFor="entry-id">
            {t("glossary.id")}
            <input
              id="entry-id"
              type="text"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              maxLength={80}
              autoComplete="off"
              value={state.id}
              onChange={(e) => setState((s) => ({ ...s, id: e.target.value }))}
              aria-describedby="entry-id-help"
            />
            <span className="help" id="entry-id-help">
              {t("glossary.idHelp")}
            </span>
          </label>
        ) : (
          <p className="entry-id">
            {t("glossary.id")}: <code>{entry.id}</code>
          </p>
        )}
        {input({
          id: "entry-subject",
          label: t("glossary.subjectField"),
          value: state.subjectField,
          maxLength: 200,
          onChange: (v) => setState((s) => ({ ...s, subjectField: v })),
        })}
        <label htmlFor="entry-note">
          {t("glossary.entryNote")}
          <textarea id="entry-note" rows={2} maxLength={4000} value={state.note} onChange={(e) => setState((s) => ({ ...s, note: e.target.value }))} />
        </label>
      </div>

      <datalist id="term-types">
        {TERM_TYPES.map((v) => (
          <option key={v} value={v}>
            {valueLabel(t, "termType", v)}
          </option>
        ))}
      </datalist>

      {LANGS.map((lang) => {
        const section = state.langs[lang];
        const langName = t(`langName.${lang}`);
        return (
          <fieldset key={lang} className={`entry-form-lang lang-${lang}`}>
            <legend>{langName}</legend>
            <label htmlFor={`def-${lang}`}>
              {t("glossary.definition")}
              <textarea
                id={`def-${lang}`}
                lang={lang}
                rows={3}
                maxLength={4000}
                value={section.definition}
                onChange={(e) => setSection(lang, (s) => ({ ...s, definition: e.target.value }))}
              />
            </label>
            <label htmlFor={`notes-${lang}`}>
              {t("glossary.notes")}
              <textarea
                id={`notes-${lang}`}
                lang={lang}
                rows={2}
                value={section.notes}
                onChange={(e) => setSection(lang, (s) => ({ ...s, notes: e.target.value }))}
                aria-describedby={`notes-${lang}-help`}
              />
              <span className="help" id={`notes-${lang}-help`}>
                {t("glossary.notesHelp")}
              </span>
            </label>
            <ol className="term-rows">
              {section.terms.map((row, i) => {
                const base = `term-${row.key}`;
                const name = t("glossary.termNumber", { number: i + 1 });
                return (
                  <li key={row.key} className={`term-row-form status-${row.status}`} data-lang={lang}>
                    <fieldset>
                      <legend className="visually-hidden">{`${langName}, ${name}`}</legend>
                      {input({
                        id: `${base}-text`,
                        label: t("glossary.term"),
                        value: row.text,
                        lang,
                        maxLength: 200,
                        onChange: (v) => setRow(lang, row.key, { text: v }),
                      })}
                      <label htmlFor={`${base}-status`}>
                        {t("glossary.status")}
                        <select id={`${base}-status`} value={row.status} onChange={(e) => setRow(lang, row.key, { status: e.target.value as TermStatus })}>
                          {TERM_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {valueLabel(t, "status", s)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label htmlFor={`${base}-pos`}>
                        {t("glossary.partOfSpeech")}
                        <select id={`${base}-pos`} value={row.partOfSpeech} onChange={(e) => setRow(lang, row.key, { partOfSpeech: e.target.value })}>
                          <option value="">—</option>
                          {[...PARTS_OF_SPEECH, ...(row.partOfSpeech && !(PARTS_OF_SPEECH as readonly string[]).includes(row.partOfSpeech) ? [row.partOfSpeech] : [])].map((v) => (
                            <option key={v} value={v}>
                              {valueLabel(t, "pos", v)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label htmlFor={`${base}-gender`}>
                        {t("glossary.gender")}
                        <select id={`${base}-gender`} value={row.gender} onChange={(e) => setRow(lang, row.key, { gender: e.target.value })}>
                          <option value="">—</option>
                          {[...GENDERS, ...(row.gender && !(GENDERS as readonly string[]).includes(row.gender) ? [row.gender] : [])].map((v) => (
                            <option key={v} value={v}>
                              {valueLabel(t, "gender", v)}
                            </option>
                          ))}
                        </select>
                      </label>
                      {input({
                        id: `${base}-type`,
                        label: t("glossary.termType"),
                        value: row.termType,
                        maxLength: 40,
                        list: "term-types",
                        onChange: (v) => setRow(lang, row.key, { termType: v }),
                      })}
                      <label htmlFor={`${base}-note`} className="term-note-field">
                        {t("glossary.termNote")}
                        <textarea
                          id={`${base}-note`}
                          lang={lang}
                          rows={row.note.length > 90 ? 3 : 1}
                          maxLength={2000}
                          value={row.note}
                          onChange={(e) => setRow(lang, row.key, { note: e.target.value })}
                        />
                      </label>
                      <button type="button" className="remove-row" onClick={() => removeRow(lang, row.key)} aria-label={t("glossary.removeTermOf", { term: `${langName}, ${name}` })}>
                        {t("glossary.removeTerm")}
                      </button>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button type="button" id={`add-term-${lang}`} className="add-row" onClick={() => addRow(lang)}>
              {t("glossary.addTerm", { lang: langName })}
            </button>
          </fieldset>
        );
      })}

      {losing && (
        <label className="confirm-losing">
          <input type="checkbox" name="allowNoPreferred" checked={confirmLosing} onChange={(e) => setConfirmLosing(e.target.checked)} />{" "}
          {t("integrity.confirmNoPreferred", { langs: losing })}
        </label>
      )}
      <div className="entry-form-actions">
        {conflict && (
          <button
            type="button"
            className="overwrite"
            disabled={busy}
            onClick={() => {
              setVersion(conflict.version);
              setConflict(null);
              void submit(undefined, conflict.version);
            }}
          >
            {t("integrity.overwrite", { version: conflict.version, by: conflict.by })}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("glossary.saving") : isNew ? t("glossary.create") : t("glossary.save")}
        </button>
        <Link href={isNew ? "/glossary" : `/glossary/${entry.id}`}>{t("glossary.cancel")}</Link>
      </div>
      <Notice message={message} />
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
