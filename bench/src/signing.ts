import type { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSupergraph, repoRoot, subgraphs } from '@egov/schema';

type CryptoKey = webcrypto.CryptoKey;

/**
 * ЭЦП for S4, when the graph asks for it: submitApplication takes the applicant's detached CMS signature
 * over the canonical application payload. The bench issues one certificate per applicant (head's IIN,
 * company's BIN) from the mocks' committed test CA and signs each prepared submission before the runs, as
 * NCALayer would in the portal. Loaded by path because @egov/mocks does not export its PKI (yet).
 */
export interface ApplicationSigner {
  /** TRUST_* for the licensing subgraph: the committed test CA, issuing CA and CRL. */
  trustEnv: Record<string, string>;
  sign(input: { applicantId: string; head: { iin: string; lastName: string; firstName: string }; serviceCode: string; action: string; idempotencyKey: string; scan: { id: string; sha256: string } }): Promise<string>;
}

interface PkiModule {
  loadTestPki(): Promise<{ issuingCa(): Promise<{ issue(options: { iin?: string; bin?: string; lastName: string; firstName: string }): Promise<{ certificatePem: string; privateKey: CryptoKey; chainPem: string[] }> }> }>;
  TEST_PKI_FILES: { trust: { roots: string[]; intermediates: string[]; crls: string[] } };
}

interface SignaturesModule {
  applicationPayload(input: { serviceCode: string; action: string; applicantId: string; idempotencyKey: string; paymentId?: string | null; attachments: { id: string; sha256: string }[] }): unknown;
  canonicalBytes(value: unknown): Uint8Array;
  signDetached(input: { payload: Uint8Array; privateKey: CryptoKey; certificate: string; chain?: string[] }): Promise<string>;
}

async function firstImport<T>(specifiers: string[], ok: (module: T) => boolean): Promise<T | null> {
  for (const specifier of specifiers) {
    try {
      const module = (await import(specifier)) as T;
      if (ok(module)) return module;
    } catch {
      // next
    }
  }
  return null;
}

/** Whether an SDL's SubmitApplicationInput has a `signature` field. */
export function submissionsNeedSignature(sdl: string): boolean {
  const input = /input SubmitApplicationInput[^{]*\{([^}]*)\}/.exec(sdl.replace(/"""[\s\S]*?"""/g, ''));
  return input ? /^\s*signature\s*:/m.test(input[1]!) : false;
}

/** The licensing subgraph enforces its own SDL; the gateways validate against the supergraph. Either asking is enough. */
function graphAsksForSignature(): boolean {
  const read = (load: () => string) => {
    try {
      return submissionsNeedSignature(load());
    } catch {
      return false;
    }
  };
  return read(() => readFileSync(join(repoRoot, subgraphs.licensing.sdl), 'utf8')) || read(readSupergraph);
}

/** The trust settings whenever the test PKI exists (the licensing subgraph may require them); the signer only when needed. */
export async function loadApplicationSigner(): Promise<{ trustEnv: Record<string, string>; signer: ApplicationSigner | null }> {
  const pki = await firstImport<PkiModule>(['@egov/mocks/pki', new URL('../../mocks/src/pki/index.ts', import.meta.url).href], (m) => typeof m.loadTestPki === 'function' && !!m.TEST_PKI_FILES);
  if (!pki) return { trustEnv: {}, signer: null };
  const trust = pki.TEST_PKI_FILES.trust;
  const env = process.env;
  const trustEnv = {
    TRUST_ROOTS: env.TRUST_ROOTS ?? trust.roots.join(','),
    TRUST_INTERMEDIATES: env.TRUST_INTERMEDIATES ?? trust.intermediates.join(','),
    TRUST_CRLS: env.TRUST_CRLS ?? trust.crls.join(','),
  };
  if (!graphAsksForSignature()) return { trustEnv, signer: null };
  const signatures = await firstImport<SignaturesModule>(['@egov/shared/signatures'], (m) => typeof m.signDetached === 'function' && typeof m.applicationPayload === 'function');
  if (!signatures) return { trustEnv, signer: null };
  const ca = await (await pki.loadTestPki()).issuingCa();
  const certificates = new Map<string, Promise<{ certificatePem: string; privateKey: CryptoKey; chainPem: string[] }>>();
  return {
    trustEnv,
    signer: {
      trustEnv,
      async sign({ applicantId, head, serviceCode, action, idempotencyKey, scan }) {
        let certificate = certificates.get(applicantId);
        if (!certificate) certificates.set(applicantId, (certificate = ca.issue({ iin: head.iin, bin: applicantId, lastName: head.lastName, firstName: head.firstName })));
        const { certificatePem, privateKey, chainPem } = await certificate;
        const payload = signatures.canonicalBytes(signatures.applicationPayload({ serviceCode, action, applicantId, idempotencyKey, paymentId: null, attachments: [scan] }));
        return signatures.signDetached({ payload, privateKey, certificate: certificatePem, chain: chainPem });
      },
    },
  };
}
