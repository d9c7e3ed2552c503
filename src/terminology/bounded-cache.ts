/**
 * A small memo for look-ups keyed by two strings (a system and a code, a kind and a text), shared
 * by every request of one terminology. What it holds is derived from the bindings alone — never
 * patient data — but the keys come from requests, so it is bounded twice: keys longer than
 * `maxKeyLength` are never stored (a megabyte "code" is matched, not kept), and when `maxEntries`
 * is reached the cache is emptied and fills again with what is used.
 */
export class BoundedCache<V> {
  private readonly byFirst = new Map<string, Map<string, V>>();
  private entries = 0;

  constructor(
    readonly maxEntries = 5000,
    readonly maxKeyLength = 256,
  ) {}

  get size(): number {
    return this.entries;
  }

  get(first: string, second: string): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  set(first: string, second: string, value: V): void {
    if (first.length > this.maxKeyLength || second.length > this.maxKeyLength) return;
    if (this.entries >= this.maxEntries) {
      this.byFirst.clear();
      this.entries = 0;
    }
    let bySecond = this.byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    if (!bySecond.has(second)) this.entries += 1;
    bySecond.set(second, value);
  }
}
