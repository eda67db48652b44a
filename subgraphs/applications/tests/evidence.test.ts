import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { canonicalJson } from '@egov/core';
import { NAMED, samplePdf, TEST_EVIDENCE_KEY_FILE, TEST_EVIDENCE_PUBLIC_KEY_FILE } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_TYPE, type EvidenceBundle, type SignedEvidence, verifyEvidence } from '../src/evidence/bundle.js';
import { evidenceConfigFromEnv, keyIdOf, loadEvidenceSigningKey, trustedEvidenceKeys } from '../src/evidence/keys.js';
import { startApplications } from './support.js';

const { server: registries, state } = createMockRegistries({ persons: 300 });
let applications: Awaited<ReturnType<typeof startApplications>>;
const now = new Date('2026-03-20T10:00:00+05:00');
const scratch = mkdtempSync(join(tmpdir(), 'egov-evidence-'));

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  applications = await startApplications({ clock: () => now });
});
afterAll(async () => {
  await applications.close();
  registries.close();
  rmSync(scratch, { recursive: true, force: true });
});

const testKey = createPublicKey(loadEvidenceSigningKey({ keyFile: TEST_EVIDENCE_KEY_FILE }).privateKey);
const EVIDENCE = `query($n: String!) { applicationEvidence(number: $n) { number bundle algorithm signature keyId publicKey signedAt } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  __typename ... on ApplicationReceipt { number replayed } ... on ApplicationRejected { problems { code message } } } }`;

/** The head of the LLP applies, as a person, for the flag-and-emblem licence: one scan, a paid fee. */
async function submit(idempotencyKey = randomUUID()) {
  const applicant = applications.as({ kind: 'citizen', iin: NAMED.llpHead });
  const form = new FormData();
  form.append('information-form', new Blob([new Uint8Array(samplePdf(`evidence ${idempotencyKey}`))]), 'appendix-3.pdf');
  const scan = ((await (await applicant.upload(form)).json()) as { attachments: { id: string; sha256: string }[] }).attachments[0]!;
  const paymentId = `PSH-EV-${idempotencyKey.slice(0, 8)}`;
  state.payments.set(paymentId, {
    id: paymentId,
    payerId: NAMED.llpHead,
    purpose: 'licence fee',
    serviceCode: 'state-symbols-licence',
    action: 'ISSUE',
    amount: '43250.00',
    currency: 'KZT',
    status: 'PAID',
    createdAt: now.toISOString(),
    paidAt: now.toISOString(),
    transactionId: 'TX-EV',
  });
  const input = await applicant.signed({
    serviceCode: 'state-symbols-licence',
    action: 'ISSUE',
    applicantId: NAMED.llpHead,
    attachments: [scan],
    idempotencyKey,
  });
  return { response: await applicant.ask(SUBMIT, { input }), retry: async () => (await applicant.ask(SUBMIT, { input })).data.submitApplication };
}

async function submitted(): Promise<{ number: string; retry(): Promise<{ number: string; replayed: boolean }> }> {
  const { response, retry } = await submit();
  expect(response.data.submitApplication.__typename).toBe('ApplicationReceipt');
  return { number: response.data.submitApplication.number, retry };
}

describe('a citizen submits, and the service signs what the registries said', () => {
  let number: string;
  let evidence: SignedEvidence;
  let retry: () => Promise<{ number: string; replayed: boolean }>;

  beforeAll(async () => {
    ({ number, retry } = await submitted());
    const { data, errors } = await applications.as({ kind: 'citizen', iin: NAMED.llpHead }).ask(EVIDENCE, { n: number });
    expect(errors).toBeUndefined();
    evidence = data.applicationEvidence;
  });

  it('621102407892 gets a bundle naming every prefilled fact with its registry and read time, and the receipt', () => {
    const bundle = JSON.parse(evidence.bundle) as EvidenceBundle;
    expect(evidence).toMatchObject({ number, algorithm: 'Ed25519', keyId: keyIdOf(testKey) });
    expect(bundle).toMatchObject({
      type: EVIDENCE_TYPE,
      number,
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: NAMED.llpHead,
      submittedAt: now.toISOString(),
      keyId: keyIdOf(testKey),
      receipt: { number, serviceCode: 'state-symbols-licence', acceptedAt: now.toISOString() },
    });
    expect(bundle.facts.length).toBeGreaterThan(3);
    expect(bundle.facts).toContainEqual(
      expect.objectContaining({ registry: 'individuals', recordId: NAMED.llpHead, value: 'Жумабаева Гульнара Ерлановна', readAt: now.toISOString() }),
    );
    expect(bundle.receipt.documents).toContainEqual(expect.objectContaining({ documentId: 'fee-payment', supply: 'FROM_REGISTRY', registry: 'payments' }));
    // exactly the canonical text, so it can be saved and checked byte for byte
    expect(canonicalJson(bundle)).toBe(evidence.bundle);
  });

  it('the saved answer verifies offline against the configured key, also as a whole GraphQL answer', () => {
    expect(verifyEvidence(evidence, [testKey])).toMatchObject({ valid: true, number, keyId: keyIdOf(testKey) });
    expect(verifyEvidence({ data: { applicationEvidence: evidence } }, [testKey])).toMatchObject({ valid: true });
  });

  it('a changed fact fails: re-serialised canonically the signature breaks, edited in place the bundle is no longer canonical', () => {
    const bundle = JSON.parse(evidence.bundle) as EvidenceBundle;
    bundle.facts[0]!.value = 'Someone Else';
    expect(verifyEvidence({ ...evidence, bundle: canonicalJson(bundle) }, [testKey])).toMatchObject({
      valid: false,
      reason: expect.stringContaining('signature does not match'),
    });
    const spaced = evidence.bundle.replace('"facts":[', '"facts": [');
    expect(verifyEvidence({ ...evidence, bundle: spaced }, [testKey])).toMatchObject({ valid: false, reason: expect.stringContaining('canonical') });
  });

  it('a bundle signed by a key the verifier does not trust fails, whatever public key the file carries', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyEvidence(evidence, [other.publicKey])).toMatchObject({ valid: false, reason: expect.stringContaining('not a trusted key') });
    const swapped = { ...evidence, publicKey: other.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    expect(verifyEvidence(swapped, [testKey])).toMatchObject({ valid: false, reason: expect.stringContaining('public key in the file') });
  });

  describe('a red team tampers with the saved file: every change is refused, none verifies', () => {
    const attacker = generateKeyPairSync('ed25519');
    const attackerPem = attacker.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const edited = () => {
      const bundle = JSON.parse(evidence.bundle) as EvidenceBundle;
      bundle.facts[0]!.value = 'Someone Else';
      return bundle;
    };
    const signWith = (bundle: unknown, key: KeyObject) => sign(null, Buffer.from(canonicalJson(bundle), 'utf8'), key).toString('base64url');
    const CASES: [string, () => unknown][] = [
      [
        'a fact edited and re-signed with the attacker’s key, keyId and publicKey all the attacker’s',
        () => {
          const bundle = { ...edited(), keyId: keyIdOf(attacker.publicKey) };
          return { ...evidence, bundle: canonicalJson(bundle), keyId: bundle.keyId, publicKey: attackerPem, signature: signWith(bundle, attacker.privateKey) };
        },
      ],
      [
        'a fact edited and re-signed with the attacker’s key, the service’s keyId and public key kept',
        () => {
          const bundle = edited();
          return { ...evidence, bundle: canonicalJson(bundle), signature: signWith(bundle, attacker.privateKey) };
        },
      ],
      ['the public key swapped for the attacker’s, nothing else', () => ({ ...evidence, publicKey: attackerPem })],
      [
        'the signature swapped for the service’s own signature over another bundle',
        () => {
          const other = { ...(JSON.parse(evidence.bundle) as EvidenceBundle), number: 'EL-2026-9999999' };
          return { ...evidence, signature: signWith(other, loadEvidenceSigningKey({ keyFile: TEST_EVIDENCE_KEY_FILE }).privateKey) };
        },
      ],
      [
        'the type changed to another format',
        () => {
          const bundle = { ...(JSON.parse(evidence.bundle) as EvidenceBundle), type: 'egov-graph/evidence/v2' };
          return { ...evidence, bundle: canonicalJson(bundle) };
        },
      ],
      [
        'the bundle re-serialised with its keys in another order',
        () => {
          const bundle = JSON.parse(evidence.bundle) as Record<string, unknown>;
          return { ...evidence, bundle: JSON.stringify(Object.fromEntries(Object.entries(bundle).reverse())) };
        },
      ],
      ['the bundle re-serialised pretty-printed', () => ({ ...evidence, bundle: JSON.stringify(JSON.parse(evidence.bundle), null, 2) })],
      ['a second "number" key appended to the bundle', () => ({ ...evidence, bundle: evidence.bundle.replace(/}$/, ',"number":"EL-2026-9999999"}') })],
      ['the number beside the bundle changed', () => ({ ...evidence, number: 'EL-2026-9999999' })],
      ['the algorithm changed to none', () => ({ ...evidence, algorithm: 'none' })],
      [
        'the signature in standard base64 (+ / =) instead of base64url',
        () => ({
          ...evidence,
          signature: Buffer.from(evidence.signature, 'base64url').toString('base64'),
        }),
      ],
      [
        'characters that are not base64url inside the signature',
        () => ({ ...evidence, signature: `${evidence.signature.slice(0, 10)}!*~${evidence.signature.slice(10)}` }),
      ],
      ['a line break and padding after the signature', () => ({ ...evidence, signature: `${evidence.signature}==\n` })],
      [
        'the signature’s last character swapped for one encoding the same bytes',
        () => {
          const last = evidence.signature.at(-1)!;
          const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
          const i = ALPHABET.indexOf(last);
          return { ...evidence, signature: evidence.signature.slice(0, -1) + ALPHABET[(i & ~0b1111) | ((i & 0b1111) ^ 0b0001)] };
        },
      ],
      ['the signature cut short', () => ({ ...evidence, signature: evidence.signature.slice(0, -4) })],
    ];
    it.each(CASES)('%s', (_case, tamper) => {
      expect(verifyEvidence(evidence, [testKey]), 'the control: the untouched file verifies').toMatchObject({ valid: true });
      expect(verifyEvidence(tamper(), [testKey])).toMatchObject({ valid: false, reason: expect.any(String) });
    });
  });

  it('the evidence is stored in the submission: one row per application, none more on a retry', async () => {
    expect(await retry()).toMatchObject({ number, replayed: true });
    const { rows } = await applications.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications.evidence WHERE number = $1', [number]);
    expect(rows[0]!.n).toBe(1);
    const missing = await applications.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM applications.applications a WHERE NOT EXISTS (SELECT 1 FROM applications.evidence e WHERE e.number = a.number)',
    );
    expect(missing.rows[0]!.n).toBe(0);
  });

  it('stored evidence cannot be changed or deleted in the database', async () => {
    await expect(applications.pool.query(`UPDATE applications.evidence SET bundle = '{}' WHERE number = $1`, [number])).rejects.toThrow(
      /signed evidence cannot be changed/,
    );
    await expect(applications.pool.query('DELETE FROM applications.evidence WHERE number = $1', [number])).rejects.toThrow(/cannot be changed or deleted/);
    await expect(applications.pool.query('TRUNCATE applications.evidence')).rejects.toThrow(/cannot be changed or deleted/);
  });

  it('no application is accepted without its evidence: when the evidence cannot be stored, nothing is', async () => {
    const count = async () => (await applications.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications.applications')).rows[0]!.n;
    const before = await count();
    await applications.pool.query('ALTER TABLE applications.evidence RENAME TO evidence_away');
    try {
      const { response } = await submit();
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(await count()).toBe(before);
    } finally {
      await applications.pool.query('ALTER TABLE applications.evidence_away RENAME TO evidence');
    }
  });

  it('an officer of the handling agency (MINT-KTRM) gets the same signed bundle', async () => {
    const { data, errors } = await applications
      .as({ kind: 'officer', iin: '770707342424', agency: 'MINT-KTRM', roles: ['reviewer'] })
      .ask(EVIDENCE, { n: number });
    expect(errors).toBeUndefined();
    expect(data.applicationEvidence).toEqual(evidence);
  });

  it('another citizen, another agency and a partner get NOT_FOUND, exactly as for a number that does not exist', async () => {
    const unknown = await applications.as({ kind: 'citizen', iin: NAMED.youngWoman }).ask(EVIDENCE, { n: 'EL-2026-9999999' });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const callers = [
      applications.as({ kind: 'citizen', iin: NAMED.youngWoman }),
      applications.as({ kind: 'officer', iin: '770707342424', agency: 'AKIMAT-ASTANA', roles: ['reviewer'] }),
    ];
    for (const caller of callers) {
      const refused = await caller.ask(EVIDENCE, { n: number });
      expect(refused.data?.applicationEvidence ?? null).toBeNull();
      expect(refused.errors).toEqual(unknown.errors);
    }
    const partner = await applications.partner(EVIDENCE, { n: number });
    expect(partner.errors).toEqual(unknown.errors);
  });

  it('an application stored before evidence was signed says so to its applicant, with NOT_FOUND', async () => {
    const older = (await submitted()).number;
    // As if stored before migration 004: evidence is append-only, so only the table's owner can take it away.
    await applications.pool.query('ALTER TABLE applications.evidence DISABLE TRIGGER evidence_append_only');
    await applications.pool.query('DELETE FROM applications.evidence WHERE number = $1', [older]);
    await applications.pool.query('ALTER TABLE applications.evidence ENABLE TRIGGER evidence_append_only');
    const answer = await applications.as({ kind: 'citizen', iin: NAMED.llpHead }).ask(EVIDENCE, { n: older });
    expect(answer.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(`${older} was submitted before evidence`) })]);
    expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
  });

  it('an ill-formed number is refused on its field before anything is read', async () => {
    const bad = await applications.as({ kind: 'citizen', iin: NAMED.llpHead }).ask(EVIDENCE, { n: 'EL-1' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  describe('npm run evidence:verify', () => {
    const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
    const cli = (file: string, env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', 'subgraphs/applications/src/evidence/verify-cli.ts', file], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env },
      }).then(
        ({ stdout }) => ({ code: 0, line: JSON.parse(stdout) }),
        (error: { code: number; stdout: string }) => ({ code: error.code, line: JSON.parse(error.stdout) }),
      );

    it('exits 0 for the saved file, 1 for a file with a changed fact, 2 without a key to check against', async () => {
      const good = join(scratch, 'evidence.json');
      writeFileSync(good, JSON.stringify(evidence, null, 2));
      const bundle = JSON.parse(evidence.bundle) as EvidenceBundle;
      bundle.facts[0]!.value = 'Someone Else';
      const tampered = join(scratch, 'tampered.json');
      writeFileSync(tampered, JSON.stringify({ ...evidence, bundle: canonicalJson(bundle) }));

      const [ok, bad, nokey] = await Promise.all([
        cli(good, { EVIDENCE_PUBLIC_KEY_FILE: TEST_EVIDENCE_PUBLIC_KEY_FILE }),
        cli(tampered, { EVIDENCE_SIGNING_KEY_FILE: TEST_EVIDENCE_KEY_FILE }),
        cli(good, {}),
      ]);
      expect(ok).toEqual({ code: 0, line: expect.objectContaining({ valid: true, number }) });
      expect(bad).toEqual({ code: 1, line: expect.objectContaining({ valid: false, reason: expect.stringContaining('signature') }) });
      expect(nokey).toEqual({ code: 2, line: expect.objectContaining({ valid: false, reason: expect.stringContaining('EVIDENCE_PUBLIC_KEY_FILE') }) });
    }, 30_000);
  });
});

describe('the evidence key', () => {
  it('is required in production, naming EVIDENCE_SIGNING_KEY_FILE', () => {
    expect(() => evidenceConfigFromEnv({ NODE_ENV: 'production' })).toThrow(/EVIDENCE_SIGNING_KEY_FILE is required in production/);
  });

  it('outside production without one, a development key is made under .data/evidence', () => {
    expect(evidenceConfigFromEnv({})).toMatchObject({ keyFile: expect.stringMatching(/\.data\/evidence\/signing-key\.pem$/), generateKey: true });
  });

  it('must be Ed25519: an RSA key is refused naming the variable', () => {
    const rsa = join(scratch, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadEvidenceSigningKey({ keyFile: rsa })).toThrow(/EVIDENCE_SIGNING_KEY_FILE .* must hold an Ed25519 key/);
  });

  it('a verifier trusts every key listed in EVIDENCE_PUBLIC_KEY_FILE (a rotated key still verifies its bundles)', () => {
    const retired = join(scratch, 'retired.pem');
    const old = generateKeyPairSync('ed25519').publicKey;
    writeFileSync(retired, old.export({ type: 'spki', format: 'pem' }));
    const keys = trustedEvidenceKeys({ EVIDENCE_PUBLIC_KEY_FILE: `${TEST_EVIDENCE_PUBLIC_KEY_FILE}, ${retired}` });
    expect(keys.map(keyIdOf)).toEqual([keyIdOf(testKey), keyIdOf(old)]);
  });
});
