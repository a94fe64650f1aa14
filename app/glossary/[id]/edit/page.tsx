import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntryForm } from "@/components/glossary/EntryForm";
import { preferredTerm } from "@/lib/glossary/model";
import { requirePagePermission } from "@/server/auth/request";
import { getEntryRecord } from "@/server/glossary/store";
import { requestTranslation } from "@/server/i18n";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("glossary.editTitle") };
}

export default async function EditEntryPage({ params }: Props) {
  const { id } = await params;
  const { db } = await requirePagePermission("editGlossary", `/glossary/${id}/edit`);
  const [{ t }, record] = await Promise.all([requestTranslation(), getEntryRecord(db.kysely, id)]);
  if (!record) notFound();
  const { entry, version } = record;
  const label = preferredTerm(entry, "fr")?.text ?? preferredTerm(entry, "en")?.text ?? entry.id;
  return (
    <div className="page glossary-edit">
      <p className="breadcrumb">
        <Link href={`/glossary/${entry.id}`}>← {label}</Link>
      </p>
      <h1>{t("glossary.editHeading", { term: label })}</h1>
      <EntryForm key={`${entry.id}@${version}`} entry={entry} version={version} />
    </div>
  );
}
