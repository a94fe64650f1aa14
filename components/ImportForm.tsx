"use client";
/// The import form: a short name and each side as a file (plain text, Markdown, web page, .docx)
/// or pasted text, optionally titles and meta.json. "Preview" reads both sides on the server
/// (nothing is stored), aligns them here with a progress bar, and shows the proposed beads, the
/// doubtful ones marked; "Import" then stores the document with that alignment.
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AlignedBead } from "@/lib/corpus/alignment";
import { alignInBackground } from "./alignment/alignInBackground";

type Outcome =
  | { kind: "ok"; slug: string; message: string; metaChanged: boolean }
  | { kind: "error"; message: string };

interface Preview {
  slug: string;
  fr: string[];
  en: string[];
  formats: { fr: string; en: string };
  /// null while the aligner runs.
  beads: AlignedBead[] | null;
}

/// Beads shown in the preview at most; the rest are counted.
const PREVIEW_BEADS = 400;

export function ImportForm({ doubtfulScore }: { doubtfulScore: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<null | "reading" | "storing">(null);
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useRef<FormData | null>(null);
  // The preview replaces the form: the reader is taken to its heading.
  const heading = useRef<HTMLHeadingElement | null>(null);
  const previewing = preview !== null;
  useEffect(() => {
    if (previewing) heading.current?.focus();
  }, [previewing]);
  const failed = (reason?: string) => setOutcome({ kind: "error", message: t("import.failed", { reason: reason ?? t("errors.generic") }) });

  async function previewAlignment(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    form.current = data;
    setBusy("reading");
    setOutcome(null);
    setPreview(null);
    try {
      const response = await fetch("/api/documents/preview", { method: "POST", body: data });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body?.preview) return failed(body?.error?.message);
      const p = body.preview as Omit<Preview, "beads"> & { alignment: AlignedBead[] | null };
      setProgress(0);
      setPreview({ ...p, beads: p.alignment });
      if (!p.alignment) {
        const beads = await alignInBackground(p.fr, p.en, setProgress);
        setPreview({ ...p, beads });
      }
    } catch {
      failed();
    } finally {
      setBusy(null);
    }
  }

  async function store() {
    if (!form.current || !preview?.beads) return;
    const data = form.current;
    data.set("alignment", JSON.stringify({ beads: preview.beads }));
    setBusy("storing");
    try {
      const response = await fetch("/api/documents", { method: "POST", body: data });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body?.result) return failed(body?.error?.message);
      const r = body.result;
      const done =
        r.status === "created"
          ? t("import.created", { slug: r.slug, count: r.paragraphs })
          : r.status === "unchanged"
            ? t("import.unchanged", { slug: r.slug })
            : t("import.updated", {
                slug: r.slug,
                changed: r.fr.changed.length + r.en.changed.length,
                added: r.fr.added.length + r.en.added.length,
                removed: r.fr.removed.length + r.en.removed.length,
              });
      const aligned = r.alignment ? ` ${t("alignment.import.aligned", { count: r.alignment.beads, doubtful: r.alignment.doubtful })}` : "";
      setOutcome({ kind: "ok", slug: r.slug, message: done + aligned, metaChanged: !!r.metaChanged });
      setPreview(null);
    } catch {
      failed();
    } finally {
      setBusy(null);
    }
  }

  const side = (lang: "fr" | "en") => (
    <fieldset className={`import-side side-${lang}`}>
      <legend>{t(`alignment.import.${lang}Side`)}</legend>
      <label>
        {t("alignment.import.file")}
        <input type="file" name={lang} accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,text/plain,text/markdown,text/html" />
      </label>
      <label>
        {t("alignment.import.paste")}
        <textarea name={`${lang}Text`} rows={5} lang={lang} />
      </label>
      <label>
        {t(lang === "fr" ? "alignment.import.titleFr" : "alignment.import.titleEn")}
        <input type="text" name={lang === "fr" ? "titleFr" : "titleEn"} lang={lang} autoComplete="off" />
      </label>
    </fieldset>
  );

  const beads = preview?.beads ?? null;
  const doubtful = beads ? beads.filter((b) => b.score !== undefined && b.score < doubtfulScore).length : 0;

  return (
    <>
      <form className="import-form" onSubmit={previewAlignment} encType="multipart/form-data" hidden={preview !== null}>
        <label>
          {t("import.slug")}
          <input type="text" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80} autoComplete="off" />
          <span className="help">{t("import.slugHelp")}</span>
        </label>
        <div className="import-sides">
          {side("fr")}
          {side("en")}
        </div>
        <label>
          {t("alignment.import.meta")}
          <input type="file" name="meta" accept=".json,application/json" />
        </label>
        <button type="submit" disabled={busy !== null}>
          {busy === "reading" ? t("alignment.import.reading") : t("alignment.import.preview")}
        </button>
      </form>
      {preview && (
        <section className="import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" tabIndex={-1} ref={heading}>
            {t("alignment.import.previewTitle")}
          </h2>
          <p className="formats">
            {t("alignment.import.formats", { fr: t(`alignment.import.format.${preview.formats.fr}`), en: t(`alignment.import.format.${preview.formats.en}`) })}
          </p>
          {beads === null ? (
            <div className="align-progress">
              <label>
                {t("alignment.import.progress", { percent: progress })}
                <progress max={100} value={progress} />
              </label>
            </div>
          ) : (
            <>
              <p className="summary" role="status">
                {t("alignment.import.summary", {
                  fr: t("alignment.import.frParagraphs", { count: preview.fr.length }),
                  en: t("alignment.import.enParagraphs", { count: preview.en.length }),
                  beads: t("alignment.import.beads", { count: beads.length }),
                  doubtful: t("alignment.import.doubtful", { count: doubtful }),
                })}
              </p>
              <div className="preview-actions">
                <button type="button" className="confirm" disabled={busy !== null} onClick={store}>
                  {busy === "storing" ? t("alignment.import.storing") : t("alignment.import.confirm")}
                </button>
                <button type="button" className="secondary" disabled={busy !== null} onClick={() => setPreview(null)}>
                  {t("alignment.import.cancel")}
                </button>
              </div>
              <div className="preview-heads" aria-hidden="true">
                <span />
                <span>{t("langName.fr")}</span>
                <span>{t("langName.en")}</span>
              </div>
              <ol className="preview-beads">
                {beads.slice(0, PREVIEW_BEADS).map((b, i) => {
                  const doubt = b.score !== undefined && b.score < doubtfulScore;
                  return (
                    <li key={i} className={doubt ? "preview-bead doubtful" : "preview-bead"} data-fr={b.fr.join(",")} data-en={b.en.join(",")}>
                      <span className="bead-kind">
                        {b.fr.length}–{b.en.length}
                        {doubt && <span className="doubt-mark"> ? {t("alignment.import.doubtfulBead")}</span>}
                      </span>
                      <div className="cell fr" lang="fr">
                        {b.fr.length ? b.fr.map((k) => <p key={k}>{preview.fr[k]}</p>) : <p className="empty-side">{t("alignment.noFrench")}</p>}
                      </div>
                      <div className="cell en" lang="en">
                        {b.en.length ? b.en.map((k) => <p key={k}>{preview.en[k]}</p>) : <p className="empty-side">{t("alignment.noEnglish")}</p>}
                      </div>
                    </li>
                  );
                })}
              </ol>
              {beads.length > PREVIEW_BEADS && <p className="muted">{t("alignment.import.more", { count: beads.length - PREVIEW_BEADS })}</p>}
            </>
          )}
        </section>
      )}
      <div aria-live="polite">
        {outcome?.kind === "ok" && (
          <p className="notice ok" role="status">
            {outcome.message} {outcome.metaChanged && t("import.metaChanged")}{" "}
            <Link href={`/documents/${outcome.slug}`}>{t("import.openDocument")}</Link>
          </p>
        )}
        {outcome?.kind === "error" && (
          <p className="notice error" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
    </>
  );
}
