import fc from "fast-check";

/**
 * Property tests (fast-check) draw their inputs from a random seed, and a failure prints it
 * (`{ seed: …, path: … }` in fc.assert's message). PROPERTY_SEED=<that seed> makes every
 * property run from it: the failing one makes the same inputs and fails the same way. Imported
 * by Vitest's setup (vitest.config.mts) and by the browser specs that use fast-check.
 */
export function usePropertySeed(value = process.env.PROPERTY_SEED): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got "${value}".`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  return seed;
}
