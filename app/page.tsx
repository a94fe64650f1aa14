import Link from "next/link";
import { listDocuments } from "@/server/documents";
import { requirePagePermission } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";

export default async function HomePage() {
  const [{ t }, { db }] = await Promise.all([requestTranslation(), requirePagePermission("read", "/")]);
  const documents = await listDocuments(db.kysely);
  return (
    <div className="page home">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {documents.length === 0 ? (
        <p>{t("home.empty")}</p>
      ) : (
        <ul className="document-list">
          {documents.map((d) => (
            <li key={d.slug} className="document-card" data-slug={d.slug}>
              <h2 lang="fr">
                <Link href={`/documents/${d.slug}`}>{d.title.fr}</Link>
              </h2>
              <p className="title-en" lang="en">
                {d.title.en}
              </p>
              <p className="facts">
                <span>
                  {t("home.pair", { source: t(`langName.${d.sourceLang}`), target: t(`langName.${d.targetLang}`) })}
                </span>
                <span className="paragraph-count">{t("home.paragraphs", { count: d.paragraphs })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
