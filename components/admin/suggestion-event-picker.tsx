import { inputClass } from "@/components/ui/field";
import type { EventOption } from "@/lib/data/events";

export type SuggestionEventPickerProps = {
  sourceId: number;
  events: EventOption[];
  selected?: number | null;
  /** The button's words: "Suggest claims" on the source's page, "Show" on the suggestions'. */
  submitLabel?: string;
};

/** Chooses the event to read a source's claims about: a GET form, so it works without JavaScript. */
export function SuggestionEventPicker({
  sourceId,
  events,
  selected,
  submitLabel = "Show suggestions",
}: SuggestionEventPickerProps) {
  return (
    <form
      method="get"
      action={`/admin/sources/${sourceId}/suggestions`}
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="suggest-event" className="block text-sm font-medium">
          Event
        </label>
        <select
          id="suggest-event"
          name="event"
          defaultValue={selected ? String(selected) : undefined}
          className={inputClass}
        >
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.date})
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded border border-blue-800 px-4 py-2 font-medium text-blue-900 hover:bg-blue-50 dark:border-blue-300 dark:text-blue-200 dark:hover:bg-slate-800"
      >
        {submitLabel}
      </button>
    </form>
  );
}
