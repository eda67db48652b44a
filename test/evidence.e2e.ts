/**
 * Signed evidence (issue 15, item 3), through the gateway: what the registries said when an application was
 * submitted, and its receipt, signed by the service, fetched by the applicant, saved to a file and checked
 * offline with `npm run evidence:verify` (the CLI as a user runs it, a child process).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson } from '@egov/core';
import { NAMED, samplePdf, TEST_EVIDENCE_PUBLIC_KEY_FILE } from '@egov/mocks';
import { repoRoot } from '@egov/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officer, portal } from './support/flow.js';
import { type RunningGraph, startGraph } from './support/index.js';

const now = new Date('2026-03-20T10:00:00+05:00');
const EVIDENCE = `query Evidence($n: String!) { applicationEvidence(number: $n) { number bundle algorithm signature keyId publicKey signedAt } }`;
let graph: RunningGraph;
let dir: string;

beforeAll(async () => {
  graph = await startGraph({ clock: () => now });
  dir = mkdtempSync(join(tmpdir(), 'egov-evidence-e2e-'));
});
afterAll(async () => {
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run -s evidence:verify <file>` from the repository root, trusting the mocks' test key. */
async function verifyCli(file: string): Promise<{ code: number; verdict: Record<string, unknown> }> {
  const run = promisify(execFile);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, EVIDENCE_PUBLIC_KEY_FILE: TEST_EVIDENCE_PUBLIC_KEY_FILE };
  try {
    const { stdout } = await run('npm', ['run', '-s', 'evidence:verify', '--', file], { cwd: repoRoot, env });
    return { code: 0, verdict: JSON.parse(stdout.trim().split('\n').pop()!) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, verdict: JSON.parse(failed.stdout.trim().split('\n').pop()!) };
  }
}

describe('010730604568 applies for the flag-and-emblem licence and keeps the signed evidence', () => {
  let number: string;
  let evidence: Record<string, string>;
  const citizen = () => portal(graph, { kind: 'citizen', iin: NAMED.youngWoman });

  it('submits, then fetches the signed registry facts and receipt of her application', async () => {
    const [scan] = await citizen().upload([{ document: 'information-form', file: samplePdf('Appendix 3'), name: 'appendix-3.pdf' }]);
    await citizen().pay('state-symbols-licence', 'ISSUE', NAMED.youngWoman);
    const receipt = (await citizen().submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.youngWoman, attachments: [scan!] }))
      .data.submitApplication;
    expect(receipt.__typename).toBe('ApplicationReceipt');
    number = receipt.number;

    const { data, errors } = await citizen().ask(EVIDENCE, { n: number });
    expect(errors).toBeUndefined();
    evidence = data.applicationEvidence;
    expect(evidence).toMatchObject({ number, algorithm: 'Ed25519', keyId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const bundle = JSON.parse(evidence.bundle!);
    expect(bundle).toMatchObject({
      type: 'egov-graph/evidence/v1',
      number,
      applicantId: NAMED.youngWoman,
      submittedAt: now.toISOString(),
      receipt: { number, acceptedAt: receipt.acceptedAt, expectedResultDate: receipt.expectedResultDate },
      unavailable: [],
    });
    // her name as ГБД ФЛ gave it, with the registry and when it was read
    expect(bundle.facts).toContainEqual(
      expect.objectContaining({ registry: 'individuals', recordId: NAMED.youngWoman, value: 'Сейтжанова Айгерим Маратовна', readAt: now.toISOString() }),
    );
  });

  it('the saved answer verifies offline: exit 0 and one JSON line', async () => {
    const file = join(dir, `${number}.json`);
    writeFileSync(file, JSON.stringify(evidence, null, 2));
    expect(await verifyCli(file)).toEqual({ code: 0, verdict: expect.objectContaining({ valid: true, number, facts: expect.any(Number) }) });
  });

  it('a file in which one fact was changed fails verification', async () => {
    const bundle = JSON.parse(evidence.bundle!);
    const name = bundle.facts.find((f: { value: string | null }) => f.value === 'Сейтжанова Айгерим Маратовна');
    name.value = 'Ахметов Нурлан Серикович';
    const file = join(dir, `${number}-changed.json`);
    writeFileSync(file, JSON.stringify({ ...evidence, bundle: canonicalJson(bundle) }));
    const { code, verdict } = await verifyCli(file);
    expect(code).toBe(1);
    expect(verdict).toMatchObject({ valid: false, number, reason: expect.stringContaining('signature does not match') });
  });

  it('another citizen cannot get it: NOT_FOUND, exactly as for a number that does not exist', async () => {
    const other = portal(graph, { kind: 'citizen', iin: NAMED.manWithLicences });
    const refused = await other.ask(EVIDENCE, { n: number });
    const unknown = await other.ask(EVIDENCE, { n: number.replace(/\d+$/, (d) => '9'.repeat(d.length)) });
    expect(refused.data?.applicationEvidence ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(refused.errors?.map((e) => e.message)).toEqual(unknown.errors?.map((e) => e.message));
  });

  it('the officer handling it (MINT-KTRM) gets the same signed bundle', async () => {
    const { data, errors } = await officer(graph, { iin: '770707342424', agency: 'MINT-KTRM' }).ask(EVIDENCE, { n: number });
    expect(errors).toBeUndefined();
    expect(data!.applicationEvidence).toEqual(evidence);
  });
});
