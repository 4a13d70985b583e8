import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        There is no page at this address. It may have been removed, or the link may be mistyped.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline dark:text-blue-300">
          Go to the attendee list
        </Link>
      </p>
    </div>
  );
}
