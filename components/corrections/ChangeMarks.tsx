"use client";
/// A suggestion's change as a word processor shows it: the deleted words struck through, the
/// inserted ones underlined, each announced to screen readers ("deleted:", "inserted:").
import { useTranslation } from "react-i18next";

export function ChangeMarks({ deleted, inserted }: { deleted: string; inserted: string }) {
  const { t } = useTranslation();
  return (
    <>
      {deleted && (
        <del>
          <span className="visually-hidden">{t("diff.deleted")} </span>
          {deleted}
        </del>
      )}
      {inserted && (
        <ins>
          <span className="visually-hidden">{t("diff.inserted")} </span>
          {inserted}
        </ins>
      )}
    </>
  );
}
