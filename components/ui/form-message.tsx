"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import type { FormState } from "@/lib/validation/errors";
import { ConflictChanges } from "./conflict-changes";
import { ConflictResolver } from "./conflict-resolver";
import { describeField, focusField } from "./field-focus";

export type FormMessageProps = {
  state: FormState;
  /** What the form puts before each field's id (a page with several forms keeps ids unique). */
  idPrefix?: string;
};

/**
 * The form's overall message. After a failed save it is an error summary: every field error,
 * each a link to its field, and focus moves to it so a keyboard or screen reader user starts
 * there (as GOV.UK's error summary does). On a conflict, what the other editor changed.
 */
export function FormMessage({ state, idPrefix = "" }: FormMessageProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  const errors = Object.entries(state.errors ?? {}).filter(([, messages]) => messages.length > 0);
  const follow = (key: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    const form = event.currentTarget.closest("form");
    if (focusField(`${idPrefix}${key}`, form, key)) event.preventDefault();
  };
  const conflict = state.conflict;
  return (
    <>
      <div
        ref={ref}
        role="alert"
        tabIndex={-1}
        aria-labelledby={errors.length > 0 ? `${idPrefix}error-summary-title` : undefined}
        className="rounded border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
      >
        <p id={`${idPrefix}error-summary-title`} className="font-medium">
          {state.message}
        </p>
        {errors.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {errors.map(([key, messages]) => (
              <li key={key}>
                <a
                  href={`#${idPrefix}${key}`}
                  onClick={follow(key)}
                  className="text-red-900 underline dark:text-red-100"
                >
                  {describeField(key)}: {messages[0]}
                </a>
              </li>
            ))}
          </ul>
        )}
        {conflict && conflict.changes.length > 0 && (
          <ConflictChanges changes={conflict.changes} sameAccount={conflict.sameAccount} />
        )}
      </div>
      {conflict?.choices && (
        <ConflictResolver choices={conflict.choices} sameAccount={conflict.sameAccount} />
      )}
    </>
  );
}

/** The query parameters a save's redirect adds for its confirmation. */
const FLASH_PARAMS = ["saved", "deleted", "signedOut"];

export type FlashProps = { message?: string };

/**
 * A short confirmation after a save, read out by screen readers and focused, so the keyboard
 * continues from it rather than from a submit button that no longer means anything. Its
 * parameter then leaves the address: a reload does not confirm the save again, and the next
 * save's redirect is a new address, which focuses the next confirmation.
 */
export function Flash({ message }: FlashProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!message) return;
    const url = new URL(window.location.href);
    if (!FLASH_PARAMS.some((p) => url.searchParams.has(p)) && ref.current?.dataset.shown) return;
    ref.current!.dataset.shown = "1";
    ref.current?.focus();
    for (const p of FLASH_PARAMS) url.searchParams.delete(p);
    window.history.replaceState(window.history.state, "", url);
  });
  if (!message) return null;
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className="rounded border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {message}
    </p>
  );
}
