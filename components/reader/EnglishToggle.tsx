"use client";
/// Shows or hides the English side whatever the view: a switch of its own beside the layouts
/// (hiding it is the "French only" layout; showing it again restores the layout one had).
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReaderLayout } from "./layouts";
import { showsEnglish, withEnglish } from "./views";

export function EnglishToggle({ layout, onChange }: { layout: ReaderLayout; onChange: (layout: ReaderLayout) => void }) {
  const { t } = useTranslation();
  const before = useRef<ReaderLayout | null>(null);
  const shown = showsEnglish(layout);
  return (
    <button
      type="button"
      className="english-toggle"
      role="switch"
      aria-checked={shown}
      onClick={() => {
        if (shown) before.current = layout;
        onChange(withEnglish(layout, !shown, before.current));
      }}
    >
      {t(shown ? "views.hideEnglish" : "views.showEnglish")}
    </button>
  );
}
