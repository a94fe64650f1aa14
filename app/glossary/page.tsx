import type { Metadata } from "next";
import Link from "next/link";
import { GlossaryImportForm } from "@/components/glossary/GlossaryImportForm";
import { valueLabel } from "@/components/glossary/labels";
import { can } from "@/lib/auth/roles";
import { preferredTerm, type Lang, type TermEntry } from "@/lib/glossary/model";
import { MAX_QUERY_LENGTH, searchEntries } from "@/lib/glossary/search";
import { requirePagePermission } from "@/server/auth/request";
import { listEntries } from "@/server/glossary/store";
import { requestTranslation } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("glossary.title") };
}

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function GlossaryPage({ searchParams }: Props) {
  const [{ db, user }, { t }, params] = await Promise.all([requirePagePermission("read", "/glossary"), requestTranslation(), searchParams]);
  const q = (Array.isArray(params.q) ? params.q[0] : params.q ?? "").slice(0, MAX_QUERY_LENGTH);
  const all = await listEntries(db.kysely);
  const hits = searchEntries(all, q);
  const editor = !!user && can(user.role, "editGlossary");
  const status = (s: string) => valueLabel(t, "status", s);

  /// The preferred term of one language (a link to the entry when `link`), then its other terms
  /// with their status in words.
  const terms = (entry: TermEntry, lang: Lang, link: boolean) => {
    const preferred = preferredTerm(entry, lang);
    const others = (entry.langs[lang]?.terms ?? []).filter((term) => term !== preferred);
    return (
      <>
        {preferred &&
          (link ? (
            <Link href={`/glossary/${entry.id}`} lang={lang} className="entry-link">
              {preferred.text}
            </Link>
          ) : (
            <span lang={lang} className="preferred-term">
              {preferred.text}
            </span>
          ))}
        {preferred && preferred.status !== "preferred" && <span className={`status-label status-${preferred.status}`}>{status(preferred.status)}</span>}
        {others.length > 0 && (
          <ul className="other-terms">
            {others.map((term, i) => (
              <li key={i}>
                <span lang={lang} className={`gl-term status-${term.status}`}>
                  {term.text}
                </span>{" "}
                <span className={`status-label status-${term.status}`}>{status(term.status)}</span>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  return (
    <div className="page glossary">
      <div className="glossary-head">
        <h1>{t("glossary.title")}</h1>
        {editor && (
          <Link href="/glossary/new" className="button-link">
            {t("glossary.addEntry")}
          </Link>
        )}
      </div>
      <p className="lead">{t("glossary.intro")}</p>
      <form className="glossary-search" action="/glossary" method="get" role="search">
        <label htmlFor="glossary-q">{t("glossary.searchLabel")}</label>
        <input id="glossary-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} placeholder={t("glossary.searchPlaceholder")} />
        <button type="submit">{t("glossary.search")}</button>
        {q && <Link href="/glossary">{t("glossary.clearSearch")}</Link>}
      </form>
      <div className="glossary-bar">
        <p className="result-count" role="status">
          {q ? t("glossary.found", { count: hits.length, query: q }) : t("glossary.count", { count: all.length })}
        </p>
        <p className="export-links">
          <span>{t("glossary.export")}</span>
          <a href="/api/glossary/export?format=tbx" download>
            {t("glossary.exportTbx")}
          </a>
          <a href="/api/glossary/export?format=csv" download>
            {t("glossary.exportCsv")}
          </a>
        </p>
      </div>
      {editor && (
        <details className="glossary-import-box">
          <summary>{t("glossary.importTitle")}</summary>
          <GlossaryImportForm />
        </details>
      )}
      {hits.length > 0 && (
        <div className="table-wrap">
          <table className="data-table glossary-table">
            <thead>
              <tr>
                <th scope="col">{t("langName.fr")}</th>
                <th scope="col">{t("langName.en")}</th>
                <th scope="col">{t("glossary.subjectField")}</th>
                {q && <th scope="col">{t("glossary.foundBy")}</th>}
              </tr>
            </thead>
            <tbody>
              {hits.map(({ entry, matchedTerm }) => (
                <tr key={entry.id} data-entry={entry.id}>
                  <td className="lang-fr">{terms(entry, "fr", !!preferredTerm(entry, "fr"))}</td>
                  <td className="lang-en">{terms(entry, "en", !preferredTerm(entry, "fr"))}</td>
                  <td className="subject" data-label={t("glossary.subjectField")}>
                    {entry.subjectField ?? ""}
                  </td>
                  {q && (
                    <td className="found-by" data-label={t("glossary.foundBy")}>
                      {matchedTerm && (
                        <>
                          <span lang={matchedTerm.lang} className="gl-term">
                            {matchedTerm.text}
                          </span>{" "}
                          <span className="muted">
                            ({t(`langName.${matchedTerm.lang}`)}, {status(matchedTerm.status)})
                          </span>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
