"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

const QUESTION = "Leave this page? What you typed in the form has not been saved.";

/**
 * Asks before leaving a page whose form was changed and not sent: the browser's own question
 * when the tab is closed, reloaded or sent elsewhere (beforeunload), and a confirmation when a
 * link on the page is followed (an in-app navigation fires no beforeunload). Only forms that
 * save (POST) count; a search or filter form is not typed input to lose.
 */
export function UnsavedChangesGuard() {
  const pathname = usePathname();
  useEffect(() => {
    let dirty = false;
    const saving = (target: EventTarget | null) =>
      target instanceof Element &&
      target.closest("form")?.getAttribute("method")?.toUpperCase() === "POST";
    const onInput = (event: Event) => {
      if (saving(event.target)) dirty = true;
    };
    const onSubmit = (event: Event) => {
      if (saving(event.target)) dirty = false;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = QUESTION;
    };
    const onClick = (event: MouseEvent) => {
      if (!dirty || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      const to = new URL(link.href, location.href);
      if (to.pathname === location.pathname && to.search === location.search) return;
      if (window.confirm(QUESTION)) {
        dirty = false;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener("input", onInput, true);
    document.addEventListener("change", onInput, true);
    document.addEventListener("submit", onSubmit, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("input", onInput, true);
      document.removeEventListener("change", onInput, true);
      document.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [pathname]);
  return null;
}
