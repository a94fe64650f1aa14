"use client";
/// The reader's view switch (clean, suggestions, original): one click, remembered.
import { useTranslation } from "react-i18next";
import { READING_VIEWS, type ReadingView } from "./views";

export function ViewSwitch({ view, onChange }: { view: ReadingView; onChange: (view: ReadingView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="view-switch" role="group" aria-label={t("views.label")}>
      {READING_VIEWS.map((v) => (
        <button key={v} type="button" data-view={v} aria-pressed={v === view} title={t(`views.${v}Help`)} onClick={() => onChange(v)}>
          {t(`views.${v}`)}
        </button>
      ))}
    </div>
  );
}
