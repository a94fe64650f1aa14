import type { Metadata } from "next";
import { ImportForm } from "@/components/ImportForm";
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
      <p className="lead">{t("import.intro")}</p>
      <ImportForm />
    </div>
  );
}
