import { idParam } from "@/server/http/document-route";
import type { Metadata } from "next";
import Link from "next/link";
import { auditDetails } from "@/lib/audit/details";
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
  const documentIds = [...new Set(entries.flatMap((e) => (typeof e.detail?.document === "number" ? [e.detail.document] : [])))];
  const documentSlugs = new Map(
    documentIds.length === 0
      ? []
      : (await db.kysely.selectFrom("documents").select(["id", "slug"]).where("id", "in", documentIds).execute()).map((d) => [d.id, d.slug] as const),
  );
  const roleName = (role: string | number) => t(`roles.${role}`, { defaultValue: String(role) });
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
                  <td className="audit-detail">
                    {auditDetails(e, documentSlugs).map((part, i) => {
                      const params = part.key.startsWith("role") ? { ...part.params, role: roleName(part.params.role ?? ""), from: roleName(part.params.from ?? ""), to: roleName(part.params.to ?? "") } : part.params;
                      const phrase =
                        part.key === "refusedBecause"
                          ? t("admin.auditDetail.refusedBecause", { reason: t(`errors.document.${part.params.code}`, part.params) })
                          : t(`admin.auditDetail.${part.key}`, params);
                      return (
                        <span key={i} data-detail={part.key}>
                          {i > 0 && "; "}
                          {part.href ? <Link href={part.href}>{phrase}</Link> : phrase}
                        </span>
                      );
                    })}
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
