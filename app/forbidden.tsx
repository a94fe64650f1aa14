import Link from "next/link";
import { requestTranslation } from "@/server/i18n";

export default async function Forbidden() {
  const { t } = await requestTranslation();
  return (
    <div className="page">
      <h1>{t("errors.forbiddenTitle")}</h1>
      <p>{t("errors.forbiddenText")}</p>
      <p>
        <Link href="/">{t("reader.backToDocuments")}</Link>
      </p>
    </div>
  );
}
