import type { Metadata } from "next";
import { connection } from "next/server";
import { SetupForm } from "@/components/auth/SetupForm";
import { isSetupTokenValid } from "@/server/auth/setup";
import { requestTranslation } from "@/server/i18n";
import { database } from "@/server/ready";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("auth.setupTitle") };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  await connection(); // never prerendered: `next build` must not open the database
  const [{ t }, { token }, db] = await Promise.all([requestTranslation(), searchParams, database()]);
  const valid = typeof token === "string" && token.length <= 200 && (await isSetupTokenValid(db.kysely, token));
  return (
    <div className="page narrow">
      <h1>{t("auth.setupTitle")}</h1>
      {valid ? (
        <>
          <p className="lead">{t("auth.setupIntro")}</p>
          <SetupForm token={token} />
        </>
      ) : (
        <p className="notice error">{t("auth.setupInvalid")}</p>
      )}
    </div>
  );
}
