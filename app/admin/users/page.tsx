import type { Metadata } from "next";
import { AddUserForm } from "@/components/admin/AddUserForm";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { WeightsForm } from "@/components/admin/WeightsForm";
import { UserRow } from "@/components/admin/UserRow";
import { requirePagePermission } from "@/server/auth/request";
import { listUsers } from "@/server/auth/users";
import { requestTranslation } from "@/server/i18n";
import { readSettings } from "@/server/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await requestTranslation()).t("admin.usersTitle") };
}

export default async function UsersPage() {
  const { db } = await requirePagePermission("manageUsers", "/admin/users");
  const [{ t }, users, settings] = await Promise.all([requestTranslation(), listUsers(db.kysely), readSettings(db.kysely)]);
  return (
    <div className="page admin">
      <h1>{t("admin.usersTitle")}</h1>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.created")}</th>
              <th scope="col">{t("admin.sessions")}</th>
              <th scope="col">{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("admin.addUser")}</h2>
      <AddUserForm />
      <h2>{t("admin.settingsTitle")}</h2>
      <SettingsForm publicReading={settings.publicReading} />
      <h3>{t("admin.weights")}</h3>
      <p className="muted">{t("admin.weightsHelp")}</p>
      <WeightsForm weights={settings.mqmWeights} />
    </div>
  );
}
