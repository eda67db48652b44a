import { describe, expect, it } from 'vitest';
import { max, median, percentile, ratio, rotate, shuffled } from '../src/stats.js';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('ignores missing values and says null when nothing is left', () => {
    expect(median([null, 5, undefined, Number.NaN, 1])).toBe(3);
    expect(median([])).toBeNull();
    expect(median([null, undefined])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('gives p50 and p99 of 1..100 as 50 and 99', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });
  it('handles one sample, unsorted input and no samples', () => {
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('ratio', () => {
  it('divides, and refuses to divide by nothing', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
  });
});

describe('max', () => {
  it('takes the largest finite value', () => {
    expect(max([1, null, 3, 2])).toBe(3);
    expect(max([])).toBeNull();
  });
});

describe('rotate (round-robin alternation)', () => {
  it('starts repetition k at element k', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(rotate([], 3)).toEqual([]);
  });
});

describe('shuffled', () => {
  it('is a deterministic permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffled(items, 7);
    expect(shuffled(items, 7)).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).not.toEqual(items);
  });
});
