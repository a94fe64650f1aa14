import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Highlighted } from "@/components/glossary/Highlighted";
import { valueLabel } from "@/components/glossary/labels";
import { RestoreVersion } from "@/components/glossary/RestoreVersion";
import { WordDiff } from "@/components/corrections/WordDiff";
import { entryChanges } from "@/lib/glossary/changes";
import { can } from "@/lib/auth/roles";
import { LANGS, preferredTerm, type Lang } from "@/lib/glossary/model";
import { requirePagePermission } from "@/server/auth/request";
import { entryConcordance } from "@/server/glossary/concordance";
import { entryHistory, getEntry, getEntryRecord } from "@/server/glossary/store";
import { requestTranslation } from "@/server/i18n";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { db } = await requirePagePermission("read", "/glossary");
  const entry = await getEntry(db.kysely, (await params).id);
  const title = entry && (preferredTerm(entry, "fr")?.text ?? preferredTerm(entry, "en")?.text ?? entry.id);
  return { title: title ?? undefined };
}

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const [{ db, user }, { t, lang: uiLang }] = await Promise.all([requirePagePermission("read", `/glossary/${id}`), requestTranslation()]);
  const record = await getEntryRecord(db.kysely, id);
  if (!record) notFound();
  const { entry, version } = record;
  const [history, concordance] = await Promise.all([entryHistory(db.kysely, id), entryConcordance(db.kysely, id)]);
  const editor = !!user && can(user.role, "editGlossary");
  const status = (s: string) => valueLabel(t, "status", s);
  /// A term as a history line shows it: its text, then its status and grammar in words.
  const termWording = (term: { text: string; status: string; partOfSpeech?: string; gender?: string; termType?: string; note?: string }) =>
    [
      `${term.text} (${[status(term.status), valueLabel(t, "pos", term.partOfSpeech), valueLabel(t, "gender", term.gender), valueLabel(t, "termType", term.termType)].filter(Boolean).join(", ")})`,
      term.note,
    ]
      .filter(Boolean)
      .join(": ");
  const when = new Intl.DateTimeFormat(uiLang, { dateStyle: "medium", timeStyle: "short" });
  const heading = LANGS.flatMap((lang) => {
    const term = preferredTerm(entry, lang);
    return term ? [{ lang, text: term.text }] : [];
  });
  const present = LANGS.filter((l) => entry.langs[l]);

  /// The distinct terms found on one side of the concordance, with their status in words.
  const found = (spans: { term: string; status: string }[], lang: Lang) => {
    const seen = new Map(spans.map((s) => [s.term, s.status]));
    return [...seen].map(([term, s], i) => (
      <span key={i} className="found-term">
        <span lang={lang}>{term}</span> <span className={`status-label status-${s}`}>{status(s)}</span>
      </span>
    ));
  };

  return (
    <div className="page glossary-entry" data-entry={entry.id}>
      <p className="breadcrumb">
        <Link href="/glossary">← {t("glossary.backToGlossary")}</Link>
      </p>
      {saved === "1" && (
        <p className="notice ok" role="status">
          {t("glossary.entrySaved", { version })}
        </p>
      )}
      <div className="glossary-head">
        <h1>
          {heading.length === 0
            ? entry.id
            : heading.map((h, i) => (
                <span key={h.lang}>
                  {i > 0 && <span className="sep"> · </span>}
                  <span lang={h.lang}>{h.text}</span>
                </span>
              ))}
        </h1>
        {editor && (
          <Link href={`/glossary/${entry.id}/edit`} className="button-link">
            {t("glossary.edit")}
          </Link>
        )}
      </div>
      <dl className="entry-facts">
        <dt>{t("glossary.id")}</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
        {entry.subjectField && (
          <>
            <dt>{t("glossary.subjectField")}</dt>
            <dd>{entry.subjectField}</dd>
          </>
        )}
        {entry.note && (
          <>
            <dt>{t("glossary.note")}</dt>
            <dd lang="en">{entry.note}</dd>
          </>
        )}
      </dl>

      <div className="entry-langs">
        {present.map((lang) => {
          const section = entry.langs[lang]!;
          return (
            <section key={lang} className={`entry-lang lang-${lang}`} aria-labelledby={`lang-${lang}`}>
              <h2 id={`lang-${lang}`}>{t(`langName.${lang}`)}</h2>
              {section.definition && (
                <p className="definition" lang={lang}>
                  <span className="field-name">{t("glossary.definition")}: </span>
                  {section.definition}
                </p>
              )}
              <ul className="term-list" aria-label={t("glossary.termsIn", { lang: t(`langName.${lang}`) })}>
                {section.terms.map((term, i) => {
                  const facts = [valueLabel(t, "pos", term.partOfSpeech), valueLabel(t, "gender", term.gender), valueLabel(t, "termType", term.termType)].filter(Boolean);
                  return (
                    <li key={i} className={`gl-term-row status-${term.status}`} data-term={term.text}>
                      <p className="term-line">
                        <span lang={lang} className="gl-term">
                          {term.text}
                        </span>{" "}
                        <span className={`status-label status-${term.status}`}>{status(term.status)}</span>
                        {facts.length > 0 && <span className="term-facts"> {facts.join(" · ")}</span>}
                      </p>
                      {term.note && (
                        <p className="term-note" lang={lang}>
                          {term.note}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
              {section.notes.length > 0 && (
                <>
                  <h3>{t("glossary.notes")}</h3>
                  <ul className="entry-notes" lang={lang}>
                    {section.notes.map((note, i) => (
                      <li key={i}>{note}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          );
        })}
      </div>

      <section className="concordance" aria-labelledby="concordance-title">
        <h2 id="concordance-title">{t("glossary.concordance")}</h2>
        <p className="muted">
          {concordance.total === 0 ? t("glossary.noOccurrences") : t("glossary.occurrences", { count: concordance.total })}
          {concordance.total > concordance.lines.length && ` ${t("glossary.concordanceCut", { count: concordance.lines.length })}`}
        </p>
        {concordance.lines.length > 0 && (
          <ol className="concordance-lines">
            {concordance.lines.map((line) => (
              <li key={`${line.document.slug}:${line.position}`} className="concordance-line" data-document={line.document.slug} data-position={line.position}>
                <p className="concordance-where">
                  <Link href={`/documents/${line.document.slug}#p-${line.position + 1}`}>
                    <span lang="fr">{line.document.title}</span>, {t("glossary.paragraph", { number: line.position + 1 })}
                  </Link>
                </p>
                <div className="concordance-pair">
                  {LANGS.map((lang) => (
                    <div key={lang} className={`concordance-side side-${lang}`}>
                      <p lang={lang} className="concordance-text">
                        <Highlighted text={line[lang].text} spans={line[lang].spans} statusLabel={status} />
                      </p>
                      <p className="concordance-found">
                        <span className="visually-hidden">{t(`langName.${lang}`)}: </span>
                        {line[lang].spans.length === 0 ? <span className="muted">{t("glossary.notFoundHere")}</span> : found(line[lang].spans, lang)}
                      </p>
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="entry-history" aria-labelledby="history-title">
        <h2 id="history-title">{t("glossary.history")}</h2>
        {history.length === 0 ? (
          <p className="muted">{t("glossary.noHistory")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table history-table">
              <thead>
                <tr>
                  <th scope="col">{t("glossary.when")}</th>
                  <th scope="col">{t("glossary.who")}</th>
                  <th scope="col">{t("glossary.action")}</th>
                  <th scope="col">{t("integrity.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={h.id} data-action={h.action}>
                    <td>
                      <time dateTime={h.at}>{when.format(new Date(h.at))}</time>
                    </td>
                    <td>{h.actor}</td>
                    <td>{h.action === "restore" ? t("integrity.actionRestore") : valueLabel(t, "action", h.action)}</td>
                    <td>
                      <dl className="entry-changes">
                        {entryChanges(h.before, h.after, termWording).map((c) => (
                          <div key={`${c.lang ?? ""}.${c.field}`} data-field={`${c.lang ?? ""}.${c.field}`}>
                            <dt>{c.lang ? `${t(`langName.${c.lang}`)} · ${t(`glossary.fields.${c.field}`)}` : t(`glossary.fields.${c.field}`)}</dt>
                            <dd lang={c.lang}>
                              <WordDiff before={c.before} after={c.after} />
                            </dd>
                          </div>
                        ))}
                      </dl>
                      {editor && i > 0 && h.after && <RestoreVersion entryId={entry.id} historyId={h.id} version={version} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
