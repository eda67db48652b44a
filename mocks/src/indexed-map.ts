/**
 * A Map that also finds its values by keys derived from them (licences by holder, entities by the people who
 * head or founded them), so the registries' "by holder/payer/participant" answers cost a lookup, not a walk
 * over every record on every call. Values are indexed when they are set: a value changed in place keeps the
 * index keys it was set with (set it again to move it). Lookups answer in the map's own order.
 */
export class IndexedMap<K, V> extends Map<K, V> {
  private readonly byIndexKey = new Map<string, Set<K>>();
  /** The order each key was first set in: what iterating the map would give. */
  private readonly position = new Map<K, number>();
  private nextPosition = 0;

  constructor(private readonly indexKeysOf: (value: V) => Iterable<string>) {
    super();
  }

  override set(key: K, value: V): this {
    const previous = super.get(key);
    if (previous !== undefined) this.unindex(key, previous);
    super.set(key, value);
    if (!this.position.has(key)) this.position.set(key, this.nextPosition++);
    for (const indexKey of this.indexKeysOf(value)) {
      let keys = this.byIndexKey.get(indexKey);
      if (!keys) this.byIndexKey.set(indexKey, (keys = new Set()));
      keys.add(key);
    }
    return this;
  }

  override delete(key: K): boolean {
    const previous = super.get(key);
    if (previous !== undefined) this.unindex(key, previous);
    this.position.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.byIndexKey.clear();
    this.position.clear();
    super.clear();
  }

  /** Every value filed under any of these index keys, once each, in the map's order. */
  valuesBy(indexKeys: Iterable<string>): V[] {
    const keys = new Set<K>();
    for (const indexKey of indexKeys) for (const key of this.byIndexKey.get(indexKey) ?? []) keys.add(key);
    return [...keys].sort((a, b) => this.position.get(a)! - this.position.get(b)!).map((key) => super.get(key)!);
  }

  private unindex(key: K, value: V): void {
    for (const indexKey of this.indexKeysOf(value)) {
      const keys = this.byIndexKey.get(indexKey);
      keys?.delete(key);
      if (keys?.size === 0) this.byIndexKey.delete(indexKey);
    }
  }
}
