/** The home page of a database without events. */
export function NoEvents() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">No events yet</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Run <code>npm run db:seed</code> to load the Victory Day parade.
      </p>
    </div>
  );
}
