import { describe, expect, it } from 'vitest';
import { usersWalk } from '../src/scenarios/fixtures.js';

describe("S6's walk over its users", () => {
  const users = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
  const walk = usersWalk(users, 20, 50);

  it('sends each of 1 000 users exactly 20 requests in the first 20 000', () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 20_000; k++) counts.set(walk(k), (counts.get(walk(k)) ?? 0) + 1);
    expect(counts.size).toBe(1000);
    expect(new Set(counts.values())).toEqual(new Set([20]));
  });

  it('keeps 50 users active at a time, each one request in 50: request k and k + 50 are the same user', () => {
    expect(new Set(Array.from({ length: 1000 }, (_, k) => walk(k))).size).toBe(50);
    for (let k = 0; k < 950; k++) expect(walk(k + 50)).toBe(walk(k));
    expect(walk(1000)).toBe('user-50');
  });

  it('starts again with the first user after the last one', () => {
    expect(walk(20_000)).toBe(walk(0));
  });
});
