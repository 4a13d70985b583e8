"use client";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The page could not be shown. Nothing you entered was lost; try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900"
      >
        Try again
      </button>
    </div>
  );
}
