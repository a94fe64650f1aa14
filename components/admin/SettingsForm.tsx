"use client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../Notice";
import { useApiAction } from "../useApiAction";

export function SettingsForm({ publicReading }: { publicReading: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(publicReading);
  const { busy, message, run } = useApiAction();
  return (
    <div className="settings">
      <label className="checkbox">
        <input
          type="checkbox"
          name="publicReading"
          checked={value}
          disabled={busy}
          onChange={async (e) => {
            const next = e.target.checked;
            if ((await run("/api/settings", "PUT", { publicReading: next }, () => t("admin.saved"))).ok) setValue(next);
          }}
        />
        {t("admin.publicReading")}
      </label>
      <Notice message={message} inline />
    </div>
  );
}
