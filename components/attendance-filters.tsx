import { ATTENDANCE_STATUSES, STATUS_LABELS } from "@/lib/attendance/status";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";

export type AttendanceFiltersProps = { action: string; query: AttendanceQuery };

const fieldClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-base dark:border-slate-600 dark:bg-slate-900";

/** A plain GET form: its state lives in the URL, and it works without JavaScript. Not printed. */
export function AttendanceFilters({ action, query }: AttendanceFiltersProps) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filter the list"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-[2fr_1fr_1fr_1fr_auto] print:hidden"
    >
      <div>
        <label htmlFor="filter-q" className="block text-sm font-medium">
          Search name, office or country
        </label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          maxLength={200}
          className={fieldClass}
        />
      </div>
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium">
          Status
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={query.status ?? ""}
          className={fieldClass}
        >
          <option value="">All statuses</option>
          {ATTENDANCE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className="block text-sm font-medium">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={query.sort} className={fieldClass}>
          <option value="name">Name</option>
          <option value="status">Status</option>
          <option value="country">Country or entity</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-as-of" className="block text-sm font-medium">
          As of <span className="font-normal">(optional)</span>
        </label>
        <input
          id="filter-as-of"
          type="date"
          name="asOf"
          defaultValue={query.day ?? ""}
          className={fieldClass}
        />
      </div>
      <button
        type="submit"
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200"
      >
        Apply
      </button>
    </form>
  );
}
