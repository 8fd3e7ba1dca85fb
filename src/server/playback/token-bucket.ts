import "server-only";

/**
 * In-process token buckets keyed by learner, with a cap on how many keys are remembered (the
 * oldest are forgotten first, which only ever lets a forgotten key start afresh). Per instance:
 * behind a load balancer each instance limits on its own, which is enough to keep a broken
 * or hostile player from flooding the table.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Takes one token for `key` at time `now` (ms); false when none is left. */
  take(key: string, now: number = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
    const allowed = tokens >= 1;
    this.buckets.delete(key); // re-inserted last: Map order is least recently used first
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}
