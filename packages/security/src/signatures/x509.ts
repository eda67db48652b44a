/**
 * @peculiar/x509, ready to build certificates and CRLs: for the test certification authority (the mock НУЦ
 * in @egov/mocks) and tools. Import it from here, never from '@peculiar/x509' directly, so the
 * Reflect shim it needs is installed first. The verifier (verify.ts) does not use it.
 *
 * Two quirks of @peculiar/x509 2.2 that builders must work around:
 * - `X509CrlGenerator` encodes an entry without extensions as an empty SEQUENCE, which is invalid DER and
 *   which OpenSSL refuses: always give each entry a `reason`.
 * - `X509Crl#toString('pem')` writes `-----BEGIN CRL-----`; the standard label is `X509 CRL`: use `crlToPem`.
 */
import './reflect-metadata.js';
import * as x509 from '@peculiar/x509';

// No cryptoProvider.set(): on Node 20+ @peculiar/x509 picks up globalThis.crypto (webcrypto) by itself.
export { x509 };

/** A CRL as PEM with the label OpenSSL and NCALayer expect. */
export function crlToPem(crl: x509.X509Crl): string {
  return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
}
