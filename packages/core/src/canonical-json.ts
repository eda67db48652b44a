/**
 * Deterministic JSON, the one serialisation used wherever bytes must match: signed payloads, the audit
 * chain's hashes, request fingerprints.
 *
 * A signature covers bytes, not objects, so the portal and the server must serialise the same object to the
 * same bytes. `canonicalJson` is JSON.stringify with object keys sorted (by UTF-16 code units, as
 * Array#sort does) at every depth and no whitespace: for the values we sign (strings, integers, booleans,
 * null, arrays, objects) that is RFC 8785 (JSON Canonicalization Scheme), so a portal in any language can
 * use a JCS library. Properties whose value is `undefined` are left out; anything JSON cannot represent
 * exactly (undefined in an array, NaN, Infinity, bigint, functions, Dates, class instances) is refused
 * rather than silently changed, because a silently changed payload would make a valid signature fail.
 */

export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((item, i) => {
            if (item === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined; arrays cannot drop items`);
            return encode(item, `${path}[${i}]`);
          })
          .join(',')}]`;
      }
      if (!isPlainObject(value))
        throw new TypeError(`canonicalJson: ${path} is a ${value.constructor?.name ?? 'non-plain object'}; convert it to plain data first`);
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encode(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
}

/** Deterministic JSON: keys sorted at every depth, no whitespace, arrays in order, undefined properties dropped. */
export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

/** The UTF-8 bytes of canonicalJson(value): what signDetached signs and verifyDetachedSignature checks. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
