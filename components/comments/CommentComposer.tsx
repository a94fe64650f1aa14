"use client";
/// Commenting on any words of the reader: select words of a French or English paragraph, and a
/// "Comment" button appears under them (or press c); it opens a box for the first comment of a
/// new thread on those words. Escape or Cancel closes it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ThreadView } from "@/lib/comments/view";
import { Notice } from "../Notice";
import { MentionInput } from "../notifications/MentionInput";
import { isTyping } from "../reader/Reader";
import { useApiAction } from "../useApiAction";
import { readerSelection, type TextSelection } from "./selection";

/// A paragraph as a new thread refers to it.
export interface ThreadTarget {
  id: number;
  revision: number;
  text: string;
}

export function CommentComposer({ slug, paragraphOf, onCreated }: { slug: string; paragraphOf(lang: "fr" | "en", position: number): ThreadTarget | null; onCreated(thread: ThreadView): void }) {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<TextSelection | null>(null);
  // The words the open box is about, with the paragraph as it stood when it opened.
  const [box, setBox] = useState<(TextSelection & { target: ThreadTarget; quote: string }) | null>(null);
  const [text, setText] = useState("");
  const action = useApiAction();
  const boxRef = useRef(box);
  boxRef.current = box;

  useEffect(() => {
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!boxRef.current) setSelection(readerSelection());
      });
    };
    document.addEventListener("selectionchange", read);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", read);
    };
  }, []);

  const openBox = () => {
    const s = selection ?? readerSelection();
    const target = s && paragraphOf(s.lang, s.position);
    if (!s || !target) return;
    action.clear();
    setBox({ ...s, target, quote: target.text.slice(s.start, s.end) });
  };
  const close = () => {
    setBox(null);
    setText("");
    action.clear();
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape" && boxRef.current) return close();
      if (e.key !== "c" || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || boxRef.current || !selection) return;
      e.preventDefault();
      openBox();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!box) return;
    const answer = await action.run<{ thread: ThreadView }>(`/api/documents/${encodeURIComponent(slug)}/threads`, "POST", {
      paragraphId: box.target.id,
      revision: box.target.revision,
      start: box.start,
      end: box.end,
      quote: box.quote,
      text,
    });
    if (!answer.ok || !answer.body) return;
    onCreated(answer.body.thread);
    close();
    // The live event may have shown the thread before this answer came, and the reader may have
    // selected other words since: take the selection as it is now.
    setSelection(readerSelection());
  }

  if (box) {
    return (
      <form className="comment-box" style={{ left: box.at.left, top: box.at.top }} onSubmit={send} aria-label={t("threads.commentOn", { quote: box.quote })}>
        <p className="comment-box-quote" lang={box.lang}>
          {t("threads.commentOn", { quote: box.quote.length > 120 ? `${box.quote.slice(0, 119)}…` : box.quote })}
        </p>
        <label>
          <span className="visually-hidden">{t("threads.placeholder")}</span>
          <MentionInput type="text" name="text" required autoFocus maxLength={4000} placeholder={t("threads.placeholder")} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="comment-box-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t("threads.send")}
          </button>
          <button type="button" onClick={close}>
            {t("threads.cancel")}
          </button>
        </div>
        <Notice message={action.message} />
      </form>
    );
  }
  if (!selection) return null;
  return (
    <button
      type="button"
      className="comment-button"
      style={{ left: selection.at.left, top: selection.at.top }}
      title={t("threads.commentTitle")}
      // Keep the selection: the button must not take it away when pressed.
      onMouseDown={(e) => e.preventDefault()}
      onClick={openBox}
    >
      {t("threads.comment")}
    </button>
  );
}
