export { formatDay } from "@/lib/text/format-day";
