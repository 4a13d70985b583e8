export { formatDay, formatDayRange } from "@/lib/text/format-day";
