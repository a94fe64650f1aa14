"use client";
/// The suggestion editor: a ProseMirror editor opened on one French paragraph, in which a corrector
/// edits the text as in a word processor with track changes on. Deleted original text stays in
/// place, struck through; inserted text is underlined. On submit the draft is split into fixes
/// with `draftToFixes` (word-level, `diffWordsWithSpace`), and sent with an MQM category, a
/// severity and an optional note.
///
/// Keyboard: Ctrl+Enter (⌘+Enter) submits, Escape cancels, plain Enter does nothing (a paragraph
/// has no line breaks), Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo inside the editor
/// (prosemirror-history, with prosemirror-keymap and the usual prosemirror-commands keys).
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Fragment, Schema, Slice, type Node as PMNode } from "prosemirror-model";
import { baseKeymap } from "prosemirror-commands";
import { closeHistory, history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { EditorState, Plugin, PluginKey, TextSelection } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView } from "prosemirror-view";
import { draftToFixes, type Fix } from "@/lib/corrections/draft";
import {
  MQM_CATEGORIES,
  SEVERITIES,
  categoryBranch,
  isMqmCategory,
  isSeverity,
  type MqmBranch,
  type MqmCategory,
  type Severity,
} from "@/lib/corrections/categories";
import { nfc } from "@/lib/text/paragraphs";

/// What goes with the fixes of a suggestion.
export interface SuggestionMeta {
  category: MqmCategory;
  severity: Severity;
  note: string;
}

/// Strings that override the translated defaults, e.g. an editor label naming the paragraph.
export interface SuggestionEditorLabels {
  /// The accessible name of the editable text (default `editor.textLabel`).
  editor?: string;
  /// The accessible name of the whole form (default `editor.formLabel`).
  form?: string;
  /// The submit button (default `editor.submit`).
  submit?: string;
  /// The cancel button (default `editor.cancel`).
  cancel?: string;
}

export interface SuggestionEditorProps {
  /// The paragraph's current canonical text (normalised to NFC here; fixes are offsets into NFC).
  original: string;
  /// A draft to start from instead of the original (a glossary fix, say); the changes it makes
  /// show as track changes from the first moment.
  initialDraft?: string;
  /// The category to preselect.
  initialCategory?: MqmCategory;
  /// The severity to preselect (default minor) and a note to start from (a check's flag, say).
  initialSeverity?: Severity;
  initialNote?: string;
  /// The language of the text being edited.
  lang: "fr";
  /// Sends the suggestion. Resolves to an error message to show, or null on success (the parent
  /// then usually closes the editor). A rejection shows the generic `editor.failed` message.
  onSubmit(fixes: Fix[], meta: SuggestionMeta): Promise<string | null>;
  /// Closes the editor without sending anything (Cancel button or Escape).
  onCancel(): void;
  labels?: SuggestionEditorLabels;
}

/// The longest note accepted.
export const NOTE_MAX_LENGTH = 2000;

/// The branches of the typology in display order, each with its categories.
const CATEGORY_GROUPS: { branch: MqmBranch; categories: MqmCategory[] }[] = (
  ["accuracy", "fluency", "terminology", "style"] as const
).map((branch) => ({ branch, categories: MQM_CATEGORIES.filter((c) => categoryBranch(c) === branch) }));

/// The i18n key of a category's name: `accuracy/omission` → `categories.accuracy_omission`.
export const categoryKey = (category: MqmCategory) => `categories.${category.replace("/", "_")}`;

// ---------------------------------------------------------------------------------------------
// Schema: a document is exactly one paragraph of plain text, without marks.

const schema = new Schema({
  nodes: {
    doc: { content: "paragraph" },
    paragraph: { content: "text*", marks: "", toDOM: () => ["p", 0], parseDOM: [{ tag: "p" }] },
    text: {},
  },
  marks: {},
});

function paragraphDoc(text: string): PMNode {
  return schema.node("doc", null, [schema.node("paragraph", null, text ? [schema.text(text)] : [])]);
}

/// Pasted or dropped text in one line: line breaks become single spaces, and the result is NFC.
function flatten(text: string): string {
  return nfc(text.replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, " "));
}

// ---------------------------------------------------------------------------------------------
// Positions. Fix offsets are into the NFC texts; the editor's text is nearly always NFC already
// (the original is loaded as NFC, pasted text is normalised, keyboards type composed characters),
// but when it is not, NFC offsets are mapped back to the draft's own offsets.

function nfcOffsetsToDraft(draft: string): (offset: number) => number {
  const normal = nfc(draft);
  if (normal === draft) return (offset) => offset;
  // Cut the draft before every character that is not a combining mark: each piece normalises on
  // its own, so piece boundaries correspond in both texts.
  const nfcAt: number[] = [0];
  const draftAt: number[] = [0];
  let rebuilt = "";
  for (const piece of draft.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? []) {
    const n = nfc(piece);
    rebuilt += n;
    nfcAt.push(nfcAt[nfcAt.length - 1] + n.length);
    draftAt.push(draftAt[draftAt.length - 1] + piece.length);
  }
  if (rebuilt !== normal) return (offset) => Math.min(offset, draft.length); // a rare script-specific case
  return (offset) => {
    let i = nfcAt.length - 1;
    while (i > 0 && nfcAt[i] > offset) i--;
    return draftAt[i];
  };
}

// ---------------------------------------------------------------------------------------------
// Track changes: after every change of the text, the fixes and their decorations.

interface WidgetLabels {
  language: string;
  deleted: string;
  space: string;
}

interface TrackState {
  fixes: Fix[];
  decorations: DecorationSet;
  /// Decorations were only mapped (during an IME composition) and must be rebuilt.
  stale: boolean;
}

const trackKey = new PluginKey<TrackState>("vv-track");

const isBlank = (text: string) => /^\s+$/u.test(text);

function deletedWidget(deleted: string, labels: WidgetLabels): HTMLElement {
  const del = document.createElement("del");
  del.className = isBlank(deleted) ? "vv-del vv-ws" : "vv-del";
  del.contentEditable = "false";
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = isBlank(deleted) ? `${labels.deleted} ${labels.space} ` : `${labels.deleted} `;
  del.append(hidden, document.createTextNode(deleted));
  return del;
}

function trackChanges(original: string, doc: PMNode, labels: WidgetLabels): TrackState {
  const draft = doc.textContent;
  const fixes = draftToFixes(original, draft);
  const toDraft = nfcOffsetsToDraft(draft);
  const decorations: Decoration[] = [];
  let shift = 0; // how much longer the draft is than the original before the current fix
  for (const fix of fixes) {
    const at = fix.start + shift; // NFC offset of the fix in the draft
    const from = toDraft(at) + 1; // +1: the paragraph's opening
    if (fix.deleted) {
      decorations.push(
        Decoration.widget(from, () => deletedWidget(fix.deleted, labels), {
          side: -1, // before text inserted at the same place
          key: `del\u0000${labels.language}\u0000${fix.deleted}`,
        }),
      );
    }
    if (fix.inserted) {
      const to = toDraft(at + fix.inserted.length) + 1;
      if (to > from) {
        decorations.push(
          Decoration.inline(from, to, {
            nodeName: "ins",
            class: isBlank(fix.inserted) ? "vv-ins vv-ws" : "vv-ins",
          }),
        );
      }
    }
    shift += fix.inserted.length - (fix.end - fix.start);
  }
  return { fixes, decorations: DecorationSet.create(doc, decorations), stale: false };
}

function trackPlugin(original: string, labels: () => WidgetLabels) {
  return new Plugin<TrackState>({
    key: trackKey,
    state: {
      init: (_config, state) => trackChanges(original, state.doc, labels()),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(trackKey) as "composing" | "refresh" | undefined;
        if (meta === "composing") {
          // Rebuilding decorations around text being composed would break the composition:
          // move the old ones along, and rebuild once it ends.
          if (!tr.docChanged) return value;
          return {
            fixes: draftToFixes(original, state.doc.textContent),
            decorations: value.decorations.map(tr.mapping, state.doc),
            stale: true,
          };
        }
        if (tr.docChanged || value.stale || meta === "refresh") return trackChanges(original, state.doc, labels());
        return value;
      },
    },
    props: {
      decorations: (state) => trackKey.getState(state)?.decorations,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Keys: undo and redo (prosemirror-history, typing grouped by pauses), and the usual editing
// commands; plain Enter does nothing (a paragraph has no line breaks), Ctrl+Enter goes on to the
// form, which submits.

/// Typing that pauses longer than this starts a new undo step.
const GROUP_DELAY = 700;

function keyPlugins(): Plugin[] {
  return [
    history({ depth: 200, newGroupDelay: GROUP_DELAY }),
    keymap({ "Mod-z": undo, "Shift-Mod-z": redo, "Mod-y": redo, Enter: () => true, "Shift-Enter": () => true }),
    keymap(baseKeymap),
  ];
}

// ---------------------------------------------------------------------------------------------

export function SuggestionEditor({ original, initialDraft, initialCategory, initialSeverity, initialNote, lang, onSubmit, onCancel, labels }: SuggestionEditorProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;

  const mountRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const pendingRef = useRef(false);
  const mountedRef = useRef(false);
  const focusBeforeSubmit = useRef<Element | null>(null);

  const [fixes, setFixes] = useState<Fix[]>([]);
  const [category, setCategory] = useState<MqmCategory | "">(initialCategory ?? "");
  const [severity, setSeverity] = useState<Severity>(initialSeverity ?? "minor");
  const [note, setNote] = useState(initialNote ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The latest props and strings, for the editor's callbacks (created once per paragraph).
  const onSubmitRef = useRef(onSubmit);
  const onCancelRef = useRef(onCancel);
  const attributesRef = useRef<Record<string, string>>({});
  const widgetLabelsRef = useRef<WidgetLabels>({ language: "", deleted: "", space: "" });
  onSubmitRef.current = onSubmit;
  onCancelRef.current = onCancel;
  attributesRef.current = {
    class: "vv-editor",
    role: "textbox",
    "aria-label": labels?.editor ?? t("editor.textLabel"),
    "aria-multiline": "false",
    "aria-describedby": `${countId} ${hintId}`,
    lang,
    spellcheck: "true",
    "data-testid": "suggestion-editor",
  };
  widgetLabelsRef.current = { language: i18n.language, deleted: t("diff.deleted"), space: t("diff.space") };

  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
    };
  }, []);

  // The editor: created for a paragraph, destroyed when the component goes or the text changes.
  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const base = nfc(original);
    const doc = paragraphDoc(initialDraft === undefined ? base : nfc(initialDraft));
    const state = EditorState.create({
      doc,
      selection: TextSelection.atEnd(doc),
      plugins: [...keyPlugins(), trackPlugin(base, () => widgetLabelsRef.current)],
    });
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const view: EditorView = new EditorView(mount, {
      state,
      attributes: () => attributesRef.current,
      editable: () => !pendingRef.current,
      dispatchTransaction(tr) {
        if (view.composing && tr.docChanged) tr.setMeta(trackKey, "composing");
        const next = view.state.apply(tr);
        view.updateState(next);
        if (tr.docChanged) setFixes(trackKey.getState(next)?.fixes ?? []);
      },
      handlePaste(view, event, slice) {
        const text = flatten(event.clipboardData?.getData("text/plain") || slice.content.textBetween(0, slice.content.size, " "));
        // A paste is an undo step of its own, whatever was typed just before or after.
        if (text) view.dispatch(closeHistory(view.state.tr.insertText(text).scrollIntoView().setMeta("uiEvent", "paste")));
        return true;
      },
      // Dropped content (and anything else parsed from the clipboard) becomes one line of text.
      transformPasted(slice) {
        const text = flatten(slice.content.textBetween(0, slice.content.size, " "));
        return text ? new Slice(Fragment.from(schema.text(text)), 0, 0) : Slice.empty;
      },
      handleDOMEvents: {
        beforeinput(_view, event) {
          const type = (event as InputEvent).inputType;
          if (type === "insertParagraph" || type === "insertLineBreak") {
            event.preventDefault();
            return true;
          }
          return false;
        },
        compositionend(view) {
          clearTimeout(refreshTimer);
          const refresh = (tries: number) => {
            refreshTimer = setTimeout(() => {
              if (view.isDestroyed) return;
              if (view.composing && tries > 0) return refresh(tries - 1);
              if (trackKey.getState(view.state)?.stale) view.dispatch(view.state.tr.setMeta(trackKey, "refresh"));
            }, 30);
          };
          refresh(20);
          return false;
        },
      },
    });
    viewRef.current = view;
    setFixes(trackKey.getState(view.state)?.fixes ?? []);
    view.focus();
    return () => {
      clearTimeout(refreshTimer);
      viewRef.current = null;
      view.destroy();
    };
    // The editor is made once per paragraph text; a new draft to start from comes with a new key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [original]);

  // New strings (interface language, labels): refresh the editor's attributes.
  useEffect(() => {
    viewRef.current?.setProps({ attributes: () => attributesRef.current });
  }, [t, lang, labels?.editor]);

  // After a submission that left the editor open, give focus back if disabling controls lost it.
  useEffect(() => {
    if (pending) return;
    const before = focusBeforeSubmit.current;
    focusBeforeSubmit.current = null;
    if (!before) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const view = viewRef.current;
    if (view && (before === view.dom || !before.isConnected)) view.focus();
    else if (before instanceof HTMLElement) before.focus();
  }, [pending]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const view = viewRef.current;
    if (!view || pendingRef.current) return;
    const current = draftToFixes(original, view.state.doc.textContent);
    if (current.length === 0 || !isMqmCategory(category) || !isSeverity(severity)) return;
    focusBeforeSubmit.current = document.activeElement;
    pendingRef.current = true;
    view.setProps({ editable: () => !pendingRef.current });
    setPending(true);
    setError(null);
    let message: string | null;
    try {
      message = await onSubmitRef.current(current, { category, severity, note: note.trim() });
    } catch {
      message = t("editor.failed");
    }
    pendingRef.current = false;
    if (!mountedRef.current) return;
    viewRef.current?.setProps({ editable: () => !pendingRef.current });
    setPending(false);
    setError(message);
  }

  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (!pendingRef.current) onCancelRef.current();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      // requestSubmit runs the form's validation (a category must be chosen) before `submit`.
      if (fixes.length > 0 && !pendingRef.current) formRef.current?.requestSubmit();
    }
  }

  return (
    <form
      ref={formRef}
      className="vv-suggestion-editor"
      aria-label={labels?.form ?? t("editor.formLabel")}
      aria-busy={pending}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      data-testid="suggestion-form"
    >
      <div ref={mountRef} className="vv-editor-mount" />
      <p id={hintId} className="vv-editor-hint">
        {t("editor.hint")}
      </p>
      <p id={countId} className="vv-change-count" aria-live="polite" data-count={fixes.length}>
        {t("editor.changes", { count: fixes.length })}
      </p>
      <fieldset className="vv-suggestion-fields" disabled={pending}>
        <label>
          <span>{t("editor.category")}</span>
          <select
            name="category"
            required
            value={category}
            onChange={(e) => setCategory(isMqmCategory(e.target.value) ? e.target.value : "")}
          >
            <option value="" disabled>
              {t("editor.chooseCategory")}
            </option>
            {CATEGORY_GROUPS.map(({ branch, categories }) => (
              <optgroup key={branch} label={t(`categoryBranches.${branch}`)}>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {t(categoryKey(c))}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          <span>{t("editor.severity")}</span>
          <select
            name="severity"
            value={severity}
            onChange={(e) => {
              if (isSeverity(e.target.value)) setSeverity(e.target.value);
            }}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="vv-note">
          <span>{t("editor.note")}</span>
          <input type="text" name="note" maxLength={NOTE_MAX_LENGTH} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </fieldset>
      {error && (
        <p role="alert" className="vv-editor-error">
          {error}
        </p>
      )}
      <div className="vv-editor-actions">
        <button type="submit" className="vv-submit" disabled={fixes.length === 0 || pending}>
          {pending ? t("editor.submitting") : (labels?.submit ?? t("editor.submit"))}
        </button>
        <button type="button" className="vv-cancel" disabled={pending} onClick={() => onCancelRef.current()}>
          {labels?.cancel ?? t("editor.cancel")}
        </button>
      </div>
    </form>
  );
}
