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

/** Thrown by the fast walk, which keeps no path; `describeRefusal` then walks again to say where and why. */
const REFUSED = Symbol('canonicalJson refused');

/**
 * The walk every signature and every audit record goes through (the audit trail hashes each record it writes and
 * checks), so it builds the text directly: no entry arrays, no path strings, and JSON.stringify only for
 * strings and numbers, whose escaping and formatting it must match exactly.
 */
function encode(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw REFUSED;
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw REFUSED;
          out += i === 0 ? encode(item) : `,${encode(item)}`;
        }
        return `${out}]`;
      }
      if (!isPlainObject(value)) throw REFUSED;
      // Array#sort without a comparator orders strings by UTF-16 code units, as RFC 8785 asks.
      const keys = Object.keys(value).sort();
      let out = '{';
      for (const key of keys) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${encode(v)}`;
      }
      return `${out}}`;
    }
    default:
      throw REFUSED;
  }
}

/** Why `encode` refused `value`: the first value JSON cannot represent exactly, named by its path. */
function describeRefusal(value: unknown, path: string): TypeError | null {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) return new TypeError(`canonicalJson: ${path}[${i}] is undefined; arrays cannot drop items`);
          const inner = describeRefusal(value[i], `${path}[${i}]`);
          if (inner) return inner;
        }
        return null;
      }
      if (!isPlainObject(value))
        return new TypeError(`canonicalJson: ${path} is a ${value.constructor?.name ?? 'non-plain object'}; convert it to plain data first`);
      for (const key of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[key];
        const inner = v === undefined ? null : describeRefusal(v, `${path}.${key}`);
        if (inner) return inner;
      }
      return null;
    }
    default:
      return new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
}

/** Deterministic JSON: keys sorted at every depth, no whitespace, arrays in order, undefined properties dropped. */
export function canonicalJson(value: unknown): string {
  try {
    return encode(value);
  } catch (error) {
    if (error !== REFUSED) throw error;
    throw describeRefusal(value, '$') ?? new TypeError('canonicalJson: the value cannot be represented as JSON');
  }
}

/** The UTF-8 bytes of canonicalJson(value): what signDetached signs and verifyDetachedSignature checks. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
