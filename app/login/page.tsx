import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { requestTranslation } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("auth.loginTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ t }, { next }] = await Promise.all([requestTranslation(), searchParams]);
  return (
    <div className="page narrow">
      <h1>{t("auth.loginTitle")}</h1>
      <p className="lead">{t("auth.loginIntro")}</p>
      <LoginForm next={typeof next === "string" ? next : undefined} />
    </div>
  );
}
