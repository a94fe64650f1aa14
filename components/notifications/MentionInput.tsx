"use client";
/// A comment box that offers account names after "@": ↑/↓ choose, Enter or Tab inserts, Escape
/// closes the list. It works controlled (value and onChange) or not.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from "react";
import { mentionAtCaret } from "@/lib/notifications/view";
import { callApi } from "../api";

export function MentionInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [typed, setTyped] = useState<{ start: number; prefix: string } | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!typed) return setNames([]);
    let current = true;
    const timer = setTimeout(async () => {
      const answer = await callApi<{ names: string[] }>(`/api/users/names?q=${encodeURIComponent(typed.prefix)}`, "GET");
      if (current) {
        setNames(answer.ok && answer.body ? answer.body.names : []);
        setActive(0);
      }
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed]);

  const look = () => {
    const el = input.current;
    if (!el) return;
    setTyped(mentionAtCaret(el.value, el.selectionStart ?? el.value.length));
  };

  const insert = (name: string) => {
    const el = input.current;
    if (!el || !typed) return;
    const caret = el.selectionStart ?? el.value.length;
    const before = `${el.value.slice(0, typed.start)}@${name} `;
    // Through the native setter and an input event, so that a controlled input's onChange hears it.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(el, before + el.value.slice(caret));
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.setSelectionRange(before.length, before.length);
    setTyped(null);
    el.focus();
  };

  const open = typed !== null && names.length > 0;
  return (
    <span className="mention-input">
      <input
        {...props}
        ref={input}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        onInput={look}
        onClick={look}
        onBlur={() => setTyped(null)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => (a + (e.key === "ArrowDown" ? 1 : names.length - 1)) % names.length);
          } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            insert(names[active]);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setTyped(null);
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className="mention-options">
          {names.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(name);
              }}
            >
              @{name}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
