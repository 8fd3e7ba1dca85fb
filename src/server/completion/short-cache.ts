import "server-only";

interface Entry<T> {
  at: number;
  value: Promise<{ data: T; computedAt: Date }>;
}

/**
 * A per-instance cache of expensive read-only computations for `ttlMs`: concurrent callers of a
 * cold key share one computation (a hot dashboard must not start fifty identical aggregates),
 * and a failure is not kept, so the next call tries again. `fresh` recomputes.
 */
export function shortCache<T>(ttlMs: number) {
  const entries = new Map<string, Entry<T>>();
  return (key: string, compute: () => Promise<T>, fresh = false): Promise<{ data: T; computedAt: Date }> => {
    const hit = entries.get(key);
    if (!fresh && hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = compute().then((data) => ({ data, computedAt: new Date() }));
    entries.set(key, { at: Date.now(), value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
