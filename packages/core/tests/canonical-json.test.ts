import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json.js';

/** The definition canonicalJson must keep to: JSON.stringify of a copy whose keys are inserted in code-unit order. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) copy[key] = sortedCopy((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}

/** A deterministic pseudo-random value of the shapes signed payloads and audit records have. */
function arbitrary(seed: number, depth = 0): unknown {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const texts = ['', 'Ахметов', 'a"b', 'line\nbreak', 'tab\t', '\u0001', '😀', 'Б', 'B', 'a', '850314301234', '\\'];
  const kind = next() % (depth > 2 ? 4 : 6);
  switch (kind) {
    case 0:
      return texts[next() % texts.length];
    case 1:
      return [0, -0, 1.5, -42, 1e21, 2 ** 53, 0.1][next() % 7];
    case 2:
      return next() % 2 === 0;
    case 3:
      return null;
    case 4:
      return Array.from({ length: next() % 4 }, (_, i) => arbitrary(next() + i, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = next() % 5; i > 0; i--) object[texts[next() % texts.length]!] = next() % 7 === 0 ? undefined : arbitrary(next(), depth + 1);
      return object;
    }
  }
}

describe('canonicalJson', () => {
  it('writes what JSON.stringify writes for the same value with its keys in code-unit order, for 2,000 varied values', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const value = arbitrary(seed);
      expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
    }
  });

  it('names where a value JSON cannot represent sits, and what it is', () => {
    expect(() => canonicalJson({ a: { list: [1, 2, Number.NaN] } })).toThrow('canonicalJson: $.a.list[2] is NaN, which JSON cannot represent');
    expect(() => canonicalJson({ list: [1, undefined] })).toThrow('canonicalJson: $.list[1] is undefined; arrays cannot drop items');
    expect(() => canonicalJson({ b: 1, a: { at: new Date(0) } })).toThrow('canonicalJson: $.a.at is a Date; convert it to plain data first');
    expect(() => canonicalJson({ n: 1n })).toThrow('canonicalJson: $.n is a bigint, which JSON cannot represent');
  });

  it('refuses an array with a hole instead of writing ",,"', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(() => canonicalJson([1, , 3])).toThrow('canonicalJson: $[1] is undefined; arrays cannot drop items');
  });
});
