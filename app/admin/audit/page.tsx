import { idParam } from "@/server/http/document-route";
import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/server/audit";
import { requirePagePermission } from "@/server/auth/request";
import { requestTranslation } from "@/server/i18n";

const PAGE = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("admin.auditTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { db } = await requirePagePermission("readAudit", "/admin/audit");
  const [{ t, lang }, { before }] = await Promise.all([requestTranslation(), searchParams]);
  const entries = await listAudit(db.kysely, { limit: PAGE, before: idParam(before) ?? undefined });
  const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="page admin">
      <h1>{t("admin.auditTitle")}</h1>
      {entries.length === 0 ? (
        <p>{t("admin.noEntries")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table audit">
            <thead>
              <tr>
                <th scope="col">{t("admin.at")}</th>
                <th scope="col">{t("admin.actor")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.target")}</th>
                <th scope="col">{t("admin.address")}</th>
                <th scope="col">{t("admin.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  </td>
                  <td>{e.actor ?? t("admin.nobody")}</td>
                  <td>{t(`admin.auditAction.${e.action.replaceAll(".", "_")}`, { defaultValue: t(`security.auditAction.${e.action.replaceAll(".", "_")}`, { defaultValue: e.action }) })}</td>
                  <td>{e.target ?? ""}</td>
                  <td>{e.address ?? ""}</td>
                  <td>
                    <code>{e.detail ? JSON.stringify(e.detail) : ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === PAGE && (
        <p>
          <Link href={`/admin/audit?before=${entries[entries.length - 1].id}`}>{t("admin.older")}</Link>
        </p>
      )}
    </div>
  );
}
