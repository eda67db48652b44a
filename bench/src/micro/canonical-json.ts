/**
 * What canonicalJson costs per audit record (every record the trail writes is hashed over it, and hashed again
 * when the anchor checks the chain), against the implementation it replaced and against plain JSON.stringify of
 * the same record with its keys already in order (the floor: what any serialisation costs), in one process:
 *   npm run micro:canonical-json -w @egov/bench
 * Prints µs per record, medians of 5 alternated rounds of 50,000 records.
 */

import { canonicalJson } from '@egov/core';
import { median } from '../stats.js';

/** The shape AuditLog hashes (audit-log.ts rowOf), with realistic values. */
const RECORD = {
  at: '2026-12-02T19:30:00.000Z',
  requestId: '5b0e7c0a-9d4e-4f0a-8a43-3c8f6f1d2e7b',
  service: 'individuals',
  actorKind: 'partner',
  actorId: 'akimat-astana-licensing',
  actorAgency: 'AKIMAT-ASTANA',
  purpose: 'scrap-metal-licence',
  subjectHash: 'tq3Jm1l6oV0lq9H1mZ2y8Jb6Xl3hQyq3d2Q4oY0kV2c',
  subjectMasked: '8503******34',
  fields: ['Person.address', 'Person.birthDate', 'Person.fullName', 'Query.person'],
  consentIds: ['c-2026-000123'],
};

/** canonicalJson as it was before the one-walk rewrite, kept as the baseline. */
function previous(value: unknown, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => previous(item, `${path}[${i}]`)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${previous(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
}

const sorted = Object.fromEntries(Object.entries(RECORD).sort(([a], [b]) => (a < b ? -1 : 1)));
const candidates: Record<string, (record: typeof RECORD) => string> = {
  'canonicalJson (now)': canonicalJson,
  'canonicalJson (before)': (record) => previous(record),
  'JSON.stringify, keys already sorted (floor)': () => JSON.stringify(sorted),
};
if (new Set(Object.values(candidates).map((encode) => encode(RECORD))).size !== 1) throw new Error('the candidates do not write the same text');

const N = 50_000;
const samples = new Map<string, number[]>(Object.keys(candidates).map((name) => [name, []]));
let sink = 0;
for (let round = 0; round < 6; round++) {
  for (const [name, encode] of Object.entries(candidates)) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += encode(RECORD).length;
    const us = Number(process.hrtime.bigint() - started) / 1000 / N;
    if (round > 0) samples.get(name)!.push(us); // round 0 warms up the JIT
  }
}
const medianOf = (name: string) => median(samples.get(name)!)!;
const floor = medianOf('JSON.stringify, keys already sorted (floor)');
for (const name of samples.keys())
  console.log(`${name.padEnd(46)} ${medianOf(name).toFixed(2).padStart(6)} µs per record  ${(medianOf(name) / floor).toFixed(2)}× the floor`);
if (sink === 0) console.log('');
