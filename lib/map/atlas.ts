import "server-only";
import countries110m from "world-atlas/countries-110m.json";
import type { CountriesTopology } from "./world-map";

/** Natural Earth's 1:110m countries, bundled with the server: nothing is fetched. */
export const worldAtlas = countries110m as unknown as CountriesTopology;
