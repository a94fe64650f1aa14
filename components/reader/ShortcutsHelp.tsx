"use client";
/// The "?" panel: every shortcut of the reader, the review and the editor, in a modal dialog
/// opened by its button or by typing "?" anywhere outside a text field.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isTyping } from "./Reader";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "?" || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      e.preventDefault();
      const d = dialog.current;
      if (!d) return;
      if (d.open) d.close();
      else d.showModal();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button type="button" className="shortcuts-button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t("shortcuts.open")}
      </button>
      <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
        {SHORTCUTS.map(({ section, shortcuts }) => (
          <section key={section} data-section={section}>
            <h3>{t(`shortcuts.section.${section}`)}</h3>
            <dl>
              {shortcuts.map((s) => (
                <div key={s.action} className="shortcut">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ` ${t("shortcuts.or")} `}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{t(`shortcuts.action.${s.action}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <form method="dialog">
          <button type="submit">{t("shortcuts.close")}</button>
        </form>
      </dialog>
    </>
  );
}
