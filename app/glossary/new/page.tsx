import type { Metadata } from "next";
import Link from "next/link";
import { EntryForm } from "@/components/glossary/EntryForm";
import { requirePagePermission } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("glossary.newTitle") };
}

export default async function NewEntryPage() {
  await requirePagePermission("editGlossary", "/glossary/new");
  const { t } = await requestTranslation();
  return (
    <div className="page glossary-edit">
      <p className="breadcrumb">
        <Link href="/glossary">← {t("glossary.backToGlossary")}</Link>
      </p>
      <h1>{t("glossary.newTitle")}</h1>
      <EntryForm entry={null} />
    </div>
  );
}
