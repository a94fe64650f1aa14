import Link from "next/link";
import { requestTranslation } from "@/server/i18n";

export default async function NotFound() {
  const { t } = await requestTranslation();
  return (
    <div className="page">
      <h1>{t("errors.notFound")}</h1>
      <p>{t("errors.notFoundText")}</p>
      <p>
        <Link href="/">{t("reader.backToDocuments")}</Link>
      </p>
    </div>
  );
}
