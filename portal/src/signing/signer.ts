import { canonicalBytes } from '@egov/core/canonical-json';
import { type ApplicationPayloadInput, applicationPayload, type DecisionPayloadInput, decisionPayload } from '@egov/security/signatures/payloads';
import type { PortalSettings } from '../app/settings.js';

/**
 * Who makes an ЭЦП (electronic digital signature): a detached CMS over exactly the bytes the server will
 * rebuild from what is submitted (canonical JSON, the same code the server runs).
 *
 * Development: "sign with the test key" posts the bytes to the mocks' signer, which signs as the signed-in
 * person with the test CA's key. Production: NCALayer on the person's machine signs with their own key;
 * an NCALayer signer implements this same interface (see portal/README.md), nothing else changes.
 */
export interface DocumentSigner {
  /** Shown on the signing button. */
  kind: PortalSettings['signing']['kind'];
  /** Base64 detached CMS over `data`; `bin` asks for the certificate a company's head signs for it with. */
  sign(data: Uint8Array, options: { bin?: string }): Promise<string>;
}

export class SigningFailed extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SigningFailed';
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function testKeySigner(url: string, token: string): DocumentSigner {
  return {
    kind: 'test-key',
    async sign(data, { bin }) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ data: base64(data), ...(bin ? { bin } : {}) }),
        });
      } catch {
        throw new SigningFailed('The test signer cannot be reached', 'SIGNER_UNREACHABLE');
      }
      const body = (await response.json().catch(() => null)) as { signature?: string; error?: { code: string; message: string } } | null;
      if (!response.ok || !body?.signature)
        throw new SigningFailed(body?.error?.message ?? `The test signer answered ${response.status}`, body?.error?.code ?? 'SIGNING_FAILED');
      return body.signature;
    },
  };
}

export function signerFor(settings: PortalSettings, token: string): DocumentSigner {
  return testKeySigner(settings.signing.url, token);
}

/** The signature submitApplication carries: over the application payload, for the company when a BIN applies. */
export function signApplication(signer: DocumentSigner, input: ApplicationPayloadInput, forCompany: boolean): Promise<string> {
  return signer.sign(canonicalBytes(applicationPayload(input)), forCompany ? { bin: input.applicantId } : {});
}

/** The signature decideApplication carries: over the decision payload, by the officer. */
export function signDecision(signer: DocumentSigner, input: DecisionPayloadInput): Promise<string> {
  return signer.sign(canonicalBytes(decisionPayload(input)), {});
}
