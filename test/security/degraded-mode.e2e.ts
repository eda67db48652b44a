import { randomUUID } from 'node:crypto';
import { NAMED, samplePdf, samplePng } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portal } from '../support/flow.js';
import { type RunningGraph, startGraph } from '../support/index.js';
import { LogCapture } from './support.js';

/**
 * Red team, degraded mode (issue 15): the re-read worker, once the registry is back, logs no person's or
 * company's id or name, at debug level too. (That our own overload never counts as an outage is pinned in
 * packages/registry-client/tests/overload-is-not-an-outage.test.ts and the applications subgraph's
 * tests/degraded-overload.test.ts.)
 *
 * Deliberately not pinned: deemed issuance (silence past the deadline) still applies while a registry check is
 * pending, as docs/applications.md says (the standard's silence-is-consent rule is not suspended). Pinning it
 * showed that the sweep issues a scrap-metal licence on a fee scan nobody could check against ПШЭП when ПШЭП stays
 * down past the deadline; whether it should wait is the lead's (legal) call, written up in the review report.
 */
const now = new Date('2026-03-20T10:00:00+05:00');
let graph: RunningGraph;
const logs = new LogCapture();

beforeAll(async () => {
  graph = await startGraph({ clock: () => now, registryClient: { breaker: false }, logs: { level: 'debug', write: logs.write } });
});
afterAll(() => graph?.close());

describe('the LLP 080440001234 applies for a scrap-metal licence while ПШЭП is down, with a fee scan in its place', () => {
  let number: string;
  it('submits with the fee scan while ПШЭП is down: a receipt, and a registry check pending', async () => {
    const p = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    const scans = await p.upload([
      { document: 'charter-copy', file: samplePdf('Charter'), name: 'charter.pdf' },
      { document: 'qualification-documents', file: samplePng(), name: 'yard.png' },
      { document: 'fee-payment-copy', file: samplePdf('Payment order nobody can check yet'), name: 'payment.pdf' },
    ]);
    await graph.registries.stop('payments');
    try {
      const { data, errors } = await p.submit({
        serviceCode: 'scrap-metal-licence',
        action: 'ISSUE',
        applicantId: NAMED.llp,
        attachments: scans,
        idempotencyKey: randomUUID(),
      });
      expect(errors).toBeUndefined();
      expect(data.submitApplication).toMatchObject({ __typename: 'ApplicationReceipt', application: { status: 'SUBMITTED' } });
      number = data.submitApplication.number;
      const { data: after } = await p.ask(`query($n: String!) { application(number: $n) { needsRegistryCheck } }`, { n: number });
      expect(after.application).toEqual({ needsRegistryCheck: true });
    } finally {
      await graph.registries.start('payments');
    }
  });

  it('once ПШЭП is back the re-read is recorded, and no log line of it (debug included) names a person or a company', async () => {
    const mark = logs.lines.length;
    const p = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    const deadline = Date.now() + 15_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      const { data } = await p.ask(`query($n: String!) { application(number: $n) { registryCheck { state } } }`, { n: number });
      state = data?.application?.registryCheck?.state;
      if (state === 'CHECKED') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toBe('CHECKED');
    const written = logs.since(mark);
    expect(written.some((line) => line.includes('registry check recorded'))).toBe(true);
    const ids = [...graph.state.persons.keys(), ...graph.state.entities.keys()];
    const names = [...graph.state.persons.values()].flatMap((person) => [person.lastName, person.firstName]);
    const entityNames = [...graph.state.entities.values()].map((entity) => entity.nameRu);
    const leaks = written.filter((line) => [...ids, ...names, ...entityNames].some((value) => value && line.includes(value)));
    expect(leaks).toEqual([]);
  });
});
