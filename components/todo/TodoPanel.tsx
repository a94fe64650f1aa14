"use client";
/// The reviewer's to-do list: a drawer beside the reader listing the document's open
/// suggestions and threads, filtered by author, category, severity, status, age and "mentions
/// me" (each value with its count), the filter kept in the URL. `]` and `[` walk the filtered
/// items across paragraphs: each step sets the page's hash (`#s-<id>`, `#t-<id>`), and the
/// reader selects that row and focuses the card.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ageOf, stepItem, todoAnchor, TODO_AGES, type TodoFacet, type TodoFilter, type TodoItem } from "@/lib/todo/items";
import { isFiltering } from "@/lib/todo/query";
import { isTyping } from "../reader/Reader";
import { useTodo } from "./useTodo";

const categoryKey = (c: string) => `categories.${c.replace("/", "_")}`;
/// The facets offered as menus, in the order they are shown.
const MENUS: TodoFacet[] = ["author", "category", "severity", "status", "age", "kind"];

export function TodoPanel({ slug, me, version }: { slug: string; me: string | null; version: unknown }) {
  const { t } = useTranslation();
  const todo = useTodo(slug, version);
  const items = todo.page?.items ?? [];
  const [hash, setHash] = useState<string | null>(null);

  useEffect(() => {
    const read = () => setHash(location.hash.slice(1) || null);
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  // ] and [ walk the filtered items while the list is open.
  useEffect(() => {
    if (!todo.open) return;
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || (e.key !== "]" && e.key !== "[")) return;
      const next = stepItem(items, location.hash || null, e.key === "]" ? 1 : -1);
      if (!next) return;
      e.preventDefault();
      walkTo(next);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [todo.open, items]);

  const label = (facet: TodoFacet, value: string) =>
    facet === "author"
      ? value
      : facet === "category"
        ? t(categoryKey(value))
        : facet === "severity"
          ? t(`severities.${value}`)
          : t(`todo.${facet}Value.${value}`, { defaultValue: value });
  const values = (facet: TodoFacet) => {
    const counts = todo.page?.counts.facets[facet] ?? {};
    const keys = facet === "age" ? TODO_AGES.filter((a) => a in counts) : Object.keys(counts).sort();
    const chosen = todo.filter[facet];
    return chosen && !keys.includes(chosen as never) ? [...keys, chosen] : keys;
  };
  const set = (facet: TodoFacet, value: string) => {
    const next: TodoFilter = { ...todo.filter };
    if (value) next[facet] = value;
    else delete next[facet];
    todo.change(next);
  };

  return (
    <>
      <button type="button" className="todo-toggle" aria-expanded={todo.open} aria-controls="todo-panel" onClick={() => todo.toggle(!todo.open)}>
        {t("todo.open")}
      </button>
      {todo.open && (
        <aside id="todo-panel" className="todo-panel" aria-label={t("todo.title")}>
          <header>
            <h2>{t("todo.title")}</h2>
            <button type="button" className="close" aria-label={t("todo.close")} onClick={() => todo.toggle(false)}>
              ×
            </button>
          </header>
          <div className="todo-filters">
            {MENUS.map((facet) => (
              <label key={facet} className="todo-filter">
                <span>{t(`todo.facet.${facet}`)}</span>
                <select name={facet} value={todo.filter[facet] ?? ""} onChange={(e) => set(facet, e.target.value)}>
                  <option value="">{t("todo.any")}</option>
                  {values(facet).map((v) => (
                    <option key={v} value={v}>
                      {t("todo.valueCount", { value: label(facet, v), count: todo.page?.counts.facets[facet][v] ?? 0 })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {me && (
              <label className="todo-filter mentions">
                <input type="checkbox" name="mentions" checked={!!todo.filter.mentionsMe} onChange={(e) => todo.change({ ...todo.filter, mentionsMe: e.target.checked || undefined })} />
                {t("todo.mentionsMe", { count: todo.page?.counts.mentionsMe ?? 0 })}
              </label>
            )}
            {isFiltering(todo.filter) && (
              <button type="button" className="clear" onClick={() => todo.change({})}>
                {t("todo.clear")}
              </button>
            )}
          </div>
          {todo.error !== null && <p className="error">{todo.error || t("errors.generic")}</p>}
          {!todo.page && todo.error === null && <p className="todo-total">{t("todo.loading")}</p>}
          {todo.page && (
            <p className="todo-total" role="status">
              {t("todo.total", { count: todo.page.total })} {items.length > 0 && t("todo.keys")}
            </p>
          )}
          <ol className="todo-items">
            {items.map((item) => (
              <TodoRow key={todoAnchor(item)} item={item} current={hash === todoAnchor(item)} label={label} />
            ))}
          </ol>
          {todo.page?.next !== null && todo.page?.next !== undefined && <p className="todo-more">{t("todo.more", { count: todo.page.total - items.length })}</p>}
        </aside>
      )}
    </>
  );
}

/// Shows an item in the reader: the hash changes even when it names the item already shown.
function walkTo(item: TodoItem) {
  const anchor = `#${todoAnchor(item)}`;
  if (location.hash === anchor) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = anchor;
}

function TodoRow({ item, current, label }: { item: TodoItem; current: boolean; label: (facet: TodoFacet, value: string) => string }) {
  const { t } = useTranslation();
  const anchor = todoAnchor(item);
  return (
    <li className={`todo-item kind-${item.kind}${current ? " current" : ""}`} data-anchor={anchor} aria-current={current || undefined}>
      <a
        href={`#${anchor}`}
        onClick={(e) => {
          e.preventDefault();
          walkTo(item);
        }}
      >
        <span className="where">{t(item.lang === "fr" ? "todo.whereFr" : "todo.whereEn", { number: item.position + 1 })}</span>
        <span className="what">{item.category ? label("category", item.category) : t(`todo.kindValue.${item.kind}`)}</span>
        {item.severity && <span className={`badge severity-${item.severity}`}>{label("severity", item.severity)}</span>}
        <span className="who">{item.author}</span>
        <span className="age">{label("age", ageOf(item.createdAt, new Date()))}</span>
        {item.status !== "open" && <span className="status">{label("status", item.status)}</span>}
        {item.change && (
          <span className="excerpt change">
            <del>{item.change.deleted}</del>
            <ins>{item.change.inserted}</ins>
          </span>
        )}
        {item.excerpt && <span className="excerpt">{item.excerpt}</span>}
      </a>
    </li>
  );
}
