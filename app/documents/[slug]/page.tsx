import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Reader } from "@/components/reader/Reader";
import { READER_LAYOUT_COOKIE, readerLayout } from "@/components/reader/layouts";
import { getDocument } from "@/server/documents";
import { requirePagePermission } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const { db } = await requirePagePermission("read", `/documents/${slug}`);
  return getDocument(db.kysely, slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await load((await params).slug);
  return { title: doc ? doc.title.fr : undefined };
}

export default async function DocumentPage({ params }: Props) {
  const { slug } = await params;
  const [{ t }, doc, jar] = await Promise.all([requestTranslation(), load(slug), cookies()]);
  if (!doc) notFound();
  const { provenance, licence } = doc.meta;
  const describe = (p: typeof provenance.fr) =>
    [
      t(`reader.provenanceKind.${p.kind}`),
      p.kind === "machine-translation" ? (p.engine ? t("reader.engine", { engine: p.engine }) : t("reader.engineUnknown")) : null,
      p.by ? t("reader.by", { name: p.by }) : null,
    ]
      .filter(Boolean)
      .join(", ");
  return (
    <div className="page document">
      <p className="breadcrumb">
        <Link href="/">← {t("reader.backToDocuments")}</Link>
      </p>
      <Reader slug={doc.slug} rows={doc.rows} initialLayout={readerLayout(jar.get(READER_LAYOUT_COOKIE)?.value)} />
      <footer className="document-facts">
        <dl>
          <dt>{t("reader.provenance")}</dt>
          <dd>
            <span lang="fr">{t("langName.fr")}</span>: {describe(provenance.fr)}; <span>{t("langName.en")}</span>:{" "}
            {describe(provenance.en)}
          </dd>
          <dt>{t("reader.licence")}</dt>
          <dd lang="en">{licence}</dd>
          <dt>{t("reader.export")}</dt>
          <dd className="export-links">
            <a href={`/api/documents/${doc.slug}/export?format=txt&lang=fr`} download>
              {t("reader.exportFr")}
            </a>
            <a href={`/api/documents/${doc.slug}/export?format=txt&lang=en`} download>
              {t("reader.exportEn")}
            </a>
            <a href={`/api/documents/${doc.slug}/export?format=json`} download>
              {t("reader.exportJson")}
            </a>
          </dd>
        </dl>
      </footer>
    </div>
  );
}
