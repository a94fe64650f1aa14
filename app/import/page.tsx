import type { Metadata } from "next";
import { ImportForm } from "@/components/ImportForm";
import { DOUBTFUL_SCORE } from "@/lib/align";
import { requirePagePermission } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("import.title") };
}

export default async function ImportPage() {
  await requirePagePermission("import", "/import");
  const { t } = await requestTranslation();
  return (
    <div className="page import">
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("alignment.import.intro")}</p>
      <ImportForm doubtfulScore={DOUBTFUL_SCORE} />
    </div>
  );
}
