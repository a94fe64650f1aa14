"use client";
/// One account in the admin's list: change its role, or sign it out everywhere.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export interface UserRowData {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  sessions: number;
}

export function UserRow({ user }: { user: UserRowData }) {
  const { t, i18n } = useTranslation();
  const router = useRouter();
  const [role, setRole] = useState<Role>(user.role);
  const { busy, message, run } = useApiAction();

  async function act(url: string, method: string, body: unknown, success: (b: Record<string, unknown>) => string) {
    if ((await run(url, method, body, success)).ok) router.refresh();
  }

  return (
    <tr data-user={user.name}>
      <td>{user.name}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {t("admin.role")}
        </label>
        <select id={`role-${user.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>{" "}
        <button
          type="button"
          disabled={busy || role === user.role}
          onClick={() => act(`/api/users/${user.id}`, "PATCH", { role }, () => t("admin.roleChanged", { name: user.name, role: t(`roles.${role}`) }))}
        >
          {t("admin.saveRole")}
        </button>
      </td>
      <td>
        <time dateTime={user.createdAt}>{new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(user.createdAt))}</time>
      </td>
      <td>{user.sessions}</td>
      <td>
        <button
          type="button"
          disabled={busy || user.sessions === 0}
          onClick={() => act(`/api/users/${user.id}/sessions`, "DELETE", undefined, (b) => t("admin.sessionsEnded", { count: Number(b.ended) }))}
        >
          {t("admin.endSessions")}
        </button>
        <Notice message={message} inline />
      </td>
    </tr>
  );
}
