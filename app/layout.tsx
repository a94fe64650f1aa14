import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/I18nProvider";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { Bell } from "@/components/notifications/Bell";
import { can } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";
import "./globals.css";
import "./editor.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestTranslation();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ lang, t }, user] = await Promise.all([requestTranslation(), currentUser()]);
  return (
    <html lang={lang}>
      <body>
        <I18nProvider lang={lang}>
          <a className="skip-link" href="#content">
            {t("app.skipToContent")}
          </a>
          <header className="site-header">
            <Link href="/" className="brand">
              {t("app.name")}
            </Link>
            <nav aria-label={t("nav.main")} className="site-nav">
              <Link href="/">{t("nav.documents")}</Link>
              <Link href="/glossary">{t("nav.glossary")}</Link>
              {user && can(user.role, "import") && <Link href="/import">{t("nav.import")}</Link>}
              {user && can(user.role, "manageUsers") && <Link href="/admin/users">{t("nav.users")}</Link>}
              {user && can(user.role, "readAudit") && <Link href="/admin/audit">{t("nav.audit")}</Link>}
            </nav>
            <div className="account">
              {user ? (
                <>
                  <Bell />
                  <span className="signed-in" data-user={user.name}>
                    {t("auth.signedInAs", { name: user.name })} <span className="role">({t(`roles.${user.role}`)})</span>
                  </span>
                  <SignOutButton />
                </>
              ) : (
                <Link href="/login">{t("auth.signIn")}</Link>
              )}
            </div>
            <LanguageSwitcher current={lang} />
          </header>
          <main id="content">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
