import { randomUUID } from 'node:crypto';
import { NAMED, samplePdf, samplePng } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portal } from '../support/flow.js';
import { type RunningGraph, startGraph } from '../support/index.js';
import { LogCapture } from './support.js';

/**
 * Red team, degraded mode (issue 15): an application submitted while a registry was down is decided only after
 * that registry has been read again (REGISTRY_CHECK_PENDING), by any path. Besides an officer's decision there is
 * one more way to an issued licence: silence past the deadline (deemed issuance, scrap-metal licences). It must
 * wait for the re-read too, or a fee scan nobody could check against ПШЭП yields a licence by itself. And the
 * re-read worker, once the registry is back, logs no person's or company's id or name, at debug level too.
 * (That our own overload never counts as an outage is pinned in packages/registry-client and the applications
 * subgraph's tests/degraded-overload.test.ts.)
 */
let now = new Date('2026-03-20T10:00:00+05:00');
let graph: RunningGraph;
const logs = new LogCapture();

beforeAll(async () => {
  graph = await startGraph({ clock: () => now, registryClient: { breaker: false }, logs: { level: 'debug', write: logs.write } });
});
afterAll(() => graph?.close());

describe('the LLP 080440001234 applies for a scrap-metal licence while ПШЭП is down, with a fee scan in its place', () => {
  let number: string;
  it('silence past the deadline does not deem it issued while ПШЭП has not been read again', async () => {
    const p = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    const scans = await p.upload([
      { document: 'charter-copy', file: samplePdf('Charter'), name: 'charter.pdf' },
      { document: 'qualification-documents', file: samplePng(), name: 'yard.png' },
      { document: 'fee-payment-copy', file: samplePdf('Payment order nobody can check'), name: 'payment.pdf' },
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

      now = new Date('2026-05-20T09:00:00+05:00'); // well past the standard's deadline
      expect(await graph.applications.applications.applyDeemedIssuance()).not.toContain(number);
      const { data: after } = await p.ask(`query($n: String!) { application(number: $n) { status license { number } needsRegistryCheck } }`, { n: number });
      expect(after.application).toEqual({ status: 'SUBMITTED', license: null, needsRegistryCheck: true });
    } finally {
      now = new Date('2026-03-20T10:00:00+05:00');
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
