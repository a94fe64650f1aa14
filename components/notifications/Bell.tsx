"use client";
/// The bell in the header: the number of unread notifications, kept live by the person's own
/// event stream, and a list of the newest that lead to the exact paragraph and suggestion.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { notificationHref, type NotificationView } from "@/lib/notifications/view";
import { callApi } from "../api";

export function Bell() {
  const { t, i18n } = useTranslation();
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<NotificationView[]>([]);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const source = new EventSource("/api/notifications/events");
    source.addEventListener("unread", (e) => {
      const data = JSON.parse((e as MessageEvent).data) as { unread: number; latest: NotificationView[] };
      setUnread(data.unread);
      setLatest(data.latest);
    });
    return () => source.close();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  async function markRead(body: { ids: number[] } | { all: true }) {
    const answer = await callApi<{ unread: number }>("/api/notifications/read", "POST", body);
    if (answer.ok && answer.body) {
      setUnread(answer.body.unread);
      setLatest((list) => list.map((n) => ("all" in body || body.ids.includes(n.id) ? { ...n, read: true } : n)));
    }
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={t("notifications.bellLabel", { count: unread })}
        data-unread={unread}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-5-1.6-1.6V11a5.4 5.4 0 0 0-4.15-5.25V5a1.25 1.25 0 1 0-2.5 0v.75A5.4 5.4 0 0 0 6.6 11v4.4L5 17v1h14v-1Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panel} id="notification-panel" className="bell-panel" role="region" aria-label={t("notifications.title")}>
          <div className="bell-panel-head">
            <strong>{t("notifications.title")}</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => void markRead({ all: true })}>
                {t("notifications.markAllRead")}
              </button>
            )}
          </div>
          {latest.length === 0 ? (
            <p className="muted">{t("notifications.none")}</p>
          ) : (
            <ul className="notification-list">
              {latest.map((n) => (
                <li key={n.id} className={n.read ? "notification" : "notification unread"} data-kind={n.kind}>
                  <a
                    href={notificationHref(n)}
                    onClick={() => {
                      if (!n.read) void markRead({ ids: [n.id] });
                      setOpen(false);
                    }}
                  >
                    <span className="notification-what">{t(`notifications.kind.${n.kind}`, { actor: n.actor })}</span>
                    <span className="notification-where">
                      {n.paragraph === null ? n.document.title : t("notifications.where", { title: n.document.title, paragraph: n.paragraph })}
                    </span>
                    {n.excerpt && <span className="notification-excerpt">{n.excerpt}</span>}
                    <time dateTime={n.createdAt}>{when.format(new Date(n.createdAt))}</time>
                  </a>
                  {!n.read && (
                    <button type="button" className="link-button" onClick={() => void markRead({ ids: [n.id] })}>
                      {t("notifications.markRead")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
