"use client";

import { useFormStatus } from "react-dom";

export type SubmitButtonProps = {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
};

const variants = {
  primary:
    "bg-blue-800 text-white hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200",
  secondary:
    "border border-blue-800 text-blue-900 hover:bg-blue-50 dark:border-blue-300 dark:text-blue-200 dark:hover:bg-slate-800",
  danger:
    "bg-red-800 text-white hover:bg-red-900 dark:bg-red-300 dark:text-slate-950 dark:hover:bg-red-200",
};

/** A submit button that says what is happening while the form is being sent. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-medium disabled:cursor-wait disabled:opacity-70 ${variants[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
