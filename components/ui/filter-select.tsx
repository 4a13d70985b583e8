import { inputClass } from "./field";

export type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  /** The first option, which filters nothing. */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
};

/** A labelled select of a GET filter form, whose first option means "any". */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  options,
  defaultValue,
}: FilterSelectProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={inputClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
