/**
 * A bounded cache keyed by a list of parts (strings, numbers, booleans) read from a value, found
 * without building a key: the parts are compared one by one as they are read. The value's `walk`
 * hands its parts, in a fixed order, to a sink; a lookup walks with a sink that compares against a
 * stored list, a store walks with one that records. Entries sit in buckets by a short `lead`
 * string (a product code): a record's lookup hashes that string alone, where a key joining all
 * parts was a new string to flatten and hash for every record, cache hit or not.
 *
 * Bounds: at most `maxEntries` in all (then the whole cache is cleared), at most `maxPerLead` per
 * bucket (then its oldest entry goes), and no entry whose parts hold more than `maxChars`
 * characters of text (such a value is not cached).
 */

export type KeyPart = string | number | boolean | undefined;

export interface KeySink {
  put(part: KeyPart): void;
}

export interface PartsCacheLimits {
  readonly maxEntries: number;
  readonly maxPerLead: number;
  readonly maxChars: number;
}

interface Entry<V> {
  readonly parts: readonly KeyPart[];
  readonly value: V;
}

/** Compares the parts put against a stored list. */
class Matcher implements KeySink {
  parts: readonly KeyPart[] = [];
  at = 0;
  same = true;

  reset(parts: readonly KeyPart[]): void {
    this.parts = parts;
    this.at = 0;
    this.same = true;
  }

  put(part: KeyPart): void {
    if (this.same && this.parts[this.at++] !== part) this.same = false;
  }

  matched(): boolean {
    return this.same && this.at === this.parts.length;
  }
}

/** Records the parts put, counting their characters of text. */
class Recorder implements KeySink {
  readonly parts: KeyPart[] = [];
  chars = 0;

  put(part: KeyPart): void {
    this.parts.push(part);
    if (typeof part === 'string') this.chars += part.length;
  }
}

export class PartsCache<S, V> {
  private readonly buckets = new Map<string, Entry<V>[]>();
  private entries = 0;
  private readonly matcher = new Matcher();

  constructor(
    private readonly walk: (source: S, sink: KeySink) => void,
    private readonly limits: PartsCacheLimits,
  ) {}

  /** The value stored for a source with the same parts, or undefined. */
  get(lead: string, source: S): V | undefined {
    const bucket = this.buckets.get(lead);
    if (bucket === undefined) return undefined;
    const matcher = this.matcher;
    for (const entry of bucket) {
      matcher.reset(entry.parts);
      this.walk(source, matcher);
      if (matcher.matched()) return entry.value;
    }
    return undefined;
  }

  set(lead: string, source: S, value: V): void {
    const recorder = new Recorder();
    this.walk(source, recorder);
    if (recorder.chars > this.limits.maxChars) return;
    if (this.entries >= this.limits.maxEntries) this.clear();
    let bucket = this.buckets.get(lead);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(lead, bucket);
    }
    if (bucket.length >= this.limits.maxPerLead) {
      bucket.shift();
      this.entries -= 1;
    }
    bucket.push({ parts: recorder.parts, value });
    this.entries += 1;
  }

  get size(): number {
    return this.entries;
  }

  clear(): void {
    this.buckets.clear();
    this.entries = 0;
  }
}
