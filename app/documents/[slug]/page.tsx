import { isValidSlug } from "@/lib/corpus/document";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Workspace } from "@/components/corrections/Workspace";
import { READER_LAYOUT_COOKIE, readerLayout } from "@/components/reader/layouts";
import { READING_VIEW_COOKIE, readingView } from "@/components/reader/views";
import { DOUBTFUL_SCORE } from "@/lib/align";
import { can, type Action } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/request";
import { documentChecks } from "@/server/checks/store";
import { documentQuality } from "@/server/corrections/quality";
import { listSuggestions } from "@/server/corrections/views";
import { documentIdBySlug, getDocument } from "@/server/documents";
import { documentTerms } from "@/server/glossary/document-terms";
import { lastEventId } from "@/server/events/store";
import { requestTranslation } from "@/server/i18n";
import { readSettings } from "@/server/settings";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const { db, user } = await requirePagePermission("read", `/documents/${slug}`);
  const documentId = await documentIdBySlug(db.kysely, slug);
  if (documentId === null) return null;
  // The last event id is read first: whatever happens while the page renders is replayed live.
  const eventId = await lastEventId(db.kysely, documentId);
  const [doc, suggestions, settings] = await Promise.all([getDocument(db.kysely, slug), listSuggestions(db.kysely, documentId), readSettings(db.kysely)]);
  const [quality, terms, checks] = await Promise.all([documentQuality(db.kysely, documentId, settings.mqmWeights), documentTerms(db.kysely, documentId), documentChecks(db, documentId)]);
  return doc && { doc, eventId, suggestions, quality, terms, checks, user };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { db } = await requirePagePermission("read", "/");
  const slug = (await params).slug;
  if (!isValidSlug(slug)) return {};
  const title = await db.kysely
    .selectFrom("paragraphs as p")
    .innerJoin("documents as d", "d.id", "p.document_id")
    .select("p.text")
    .where("d.slug", "=", slug)
    .where("p.lang", "=", "fr")
    .where("p.position", "=", 0)
    .executeTakeFirst();
  return { title: title?.text };
}

export default async function DocumentPage({ params }: Props) {
  const { slug } = await params;
  const [{ t }, loaded, jar] = await Promise.all([requestTranslation(), load(slug), cookies()]);
  if (!loaded) notFound();
  const { doc, eventId, suggestions, quality, terms, checks, user } = loaded;
  const allowed = (action: Action) => !!user && can(user.role, action);
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
      <Workspace
        slug={doc.slug}
        rows={doc.rows}
        beads={doc.beads}
        english={doc.texts.en.map((p) => ({ position: p.position, text: p.text, id: p.id, revision: p.revision }))}
        doubtfulScore={DOUBTFUL_SCORE}
        suggestions={suggestions}
        lastEventId={eventId}
        quality={quality}
        terms={terms}
        checks={checks}
        initialLayout={readerLayout(jar.get(READER_LAYOUT_COOKIE)?.value)}
        initialView={readingView(jar.get(READING_VIEW_COOKIE)?.value, allowed("suggest"))}
        me={user?.name ?? null}
        can={{ suggest: allowed("suggest"), comment: allowed("comment"), review: allowed("review"), revert: allowed("revert"), align: allowed("review") }}
      />
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
            <a href={`/api/documents/${doc.slug}/corrections?format=csv`} download>
              {t("reader.exportCorrectionsCsv")}
            </a>
            <a href={`/api/documents/${doc.slug}/corrections?format=json`} download>
              {t("reader.exportCorrectionsJson")}
            </a>
          </dd>
          {allowed("suggest") && (
            <>
              <dt>{t("reports.title")}</dt>
              <dd>
                <Link href={`/documents/${doc.slug}/report`}>{t("reports.link")}</Link>
              </dd>
            </>
          )}
        </dl>
      </footer>
    </div>
  );
}
