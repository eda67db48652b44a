/**
 * The three Reflect metadata functions tsyringe needs, installed only when no polyfill is present.
 *
 * @peculiar/x509 registers its algorithms in a tsyringe container, and tsyringe refuses to load unless
 * `Reflect.getMetadata` exists (it expects `reflect-metadata`, which is not among our dependencies). It only
 * stores and reads constructor-parameter metadata, so a WeakMap is enough. The functions are configurable and
 * writable: a real polyfill loaded later replaces them. Only certificate *building* (x509.ts) needs this; the
 * verifier uses pkijs and does not load it.
 */
type MetadataKey = unknown;
type Target = object;

interface ReflectMetadata {
  getMetadata?: (key: MetadataKey, target: Target) => unknown;
  getOwnMetadata?: (key: MetadataKey, target: Target) => unknown;
  defineMetadata?: (key: MetadataKey, value: unknown, target: Target) => void;
}

const reflect = Reflect as typeof Reflect & ReflectMetadata;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<Target, Map<MetadataKey, unknown>>();
  const define = (name: keyof ReflectMetadata, value: ReflectMetadata[keyof ReflectMetadata]) =>
    Object.defineProperty(Reflect, name, { value, configurable: true, writable: true, enumerable: false });

  define('defineMetadata', (key: MetadataKey, value: unknown, target: Target) => {
    let own = store.get(target);
    if (!own) store.set(target, (own = new Map()));
    own.set(key, value);
  });
  define('getOwnMetadata', (key: MetadataKey, target: Target) => store.get(target)?.get(key));
  define('getMetadata', (key: MetadataKey, target: Target) => {
    for (let at: Target | null = target; at; at = Object.getPrototypeOf(at) as Target | null) {
      const own = store.get(at);
      if (own?.has(key)) return own.get(key);
    }
    return undefined;
  });
}

export {};
