// What the benchmarks read from their environment, and the fixed-seed randomness that makes two runs
// send the same requests.

/** A setting out of range: the benchmark prints the message and exits 1, without a stack. */
export class SettingsError extends Error {}

/** `name` as a number ≥ `min`, or `fallback` when unset or blank. */
export function readNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new SettingsError(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

/** mulberry32 with a fixed seed: the same arrivals and answers on every run. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs a benchmark's main and exits: 0 when it finished (or its own exit code), 1 when it failed.
 * A SettingsError or one of `expected` (e.g. a failed set-up) prints its message; anything else, its stack.
 */
export function runBenchmark(
  main: () => Promise<void>,
  expected: ReadonlyArray<abstract new (...args: never[]) => Error> = [],
): void {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      const plain = [SettingsError, ...expected].some((known) => error instanceof known);
      const detail =
        plain && error instanceof Error
          ? error.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
      console.error(`\nbenchmark failed: ${detail}`);
      process.exit(1);
    },
  );
}
