/**
 * The committed test PKI in mocks/data/pki: a root, an issuing CA (with its key), a CRL and signing
 * certificates with keys for the named fixture people, so anyone can sign a test application without
 * generating anything. Test material only: every private key here is public.
 * Regenerate with `node --conditions=source --import tsx mocks/src/pki/generate.ts`.
 */
import type { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TrustStoreFiles, TrustStorePem } from '@egov/security/signatures';
import { x509 } from '@egov/security/signatures/x509';
import { type IssueOptions, openTestCa, privateKeyFromPem, type TestCa } from './ca.js';

/** A file under mocks/data/pki/, wherever the repository is checked out. */
const PKI_DIR = new URL('../../data/pki/', import.meta.url);
const file = (name: string) => fileURLToPath(new URL(name, PKI_DIR));

/** Where each committed file is. `trust` suits TrustStore.fromFiles (e.g. as a development default). */
export const TEST_PKI_FILES = {
  root: file('root.pem'),
  issuingCa: file('issuing-ca.pem'),
  issuingCaKey: file('issuing-ca.key.pem'),
  crl: file('crl.pem'),
  trust: { roots: [file('root.pem')], intermediates: [file('issuing-ca.pem')], crls: [file('crl.pem')] } satisfies TrustStoreFiles,
  certificate: (signer: TestSignerName) => file(`signers/${signer}.pem`),
  key: (signer: TestSignerName) => file(`signers/${signer}.key.pem`),
} as const;

/** The committed signers: the named fixture people (see NAMED), and one revoked certificate. */
export const TEST_SIGNERS = {
  '850314301234': { iin: '850314301234', lastName: 'Ахметов', firstName: 'Нурлан' },
  '621102407892': { iin: '621102407892', bin: '080440001234', organisation: 'ТОО «Сарыарка Металл»', lastName: 'Жумабаева', firstName: 'Гульнара' },
  '010730604568': { iin: '010730604568', lastName: 'Сейтжанова', firstName: 'Айгерим' },
  '900101300017': { iin: '900101300017', lastName: 'Ким', firstName: 'Дмитрий' },
  /** A second certificate of 850314301234, listed in crl.pem. */
  '850314301234-revoked': { iin: '850314301234', lastName: 'Ахметов', firstName: 'Нурлан', revoked: true },
} as const satisfies Record<string, IssueOptions & { revoked?: true }>;

export type TestSignerName = keyof typeof TEST_SIGNERS;
export const TEST_SIGNER_NAMES = Object.keys(TEST_SIGNERS) as TestSignerName[];

export interface TestSigner {
  name: TestSignerName;
  iin: string;
  /** The BIN the certificate signs for, or null for an individual's certificate. */
  bin: string | null;
  revoked: boolean;
  certificatePem: string;
  privateKeyPem: string;
  privateKey: webcrypto.CryptoKey;
  /** The issuing CA, to embed in signatures (signDetached's `chain`). */
  chainPem: string[];
}

export interface TestPki {
  rootPem: string;
  issuingCaPem: string;
  issuingCaKeyPem: string;
  crlPem: string;
  /** Ready for TrustStore.fromPem. */
  trustPem: TrustStorePem;
  signers: Readonly<Record<TestSignerName, TestSigner>>;
  /** A signer by name; throws listing the names when there is no such signer. */
  signer(name: string): TestSigner;
  /** The committed issuing CA, to issue more certificates the committed trust store accepts (its CRLs keep the committed revocation). */
  issuingCa(): Promise<TestCa>;
}

/** Reads and imports the committed material. */
export async function loadTestPki(): Promise<TestPki> {
  const read = (path: string) => readFile(path, 'utf8');
  const [rootPem, issuingCaPem, issuingCaKeyPem, crlPem] = await Promise.all([
    read(TEST_PKI_FILES.root),
    read(TEST_PKI_FILES.issuingCa),
    read(TEST_PKI_FILES.issuingCaKey),
    read(TEST_PKI_FILES.crl),
  ]);
  const entries = await Promise.all(
    TEST_SIGNER_NAMES.map(async (name): Promise<[TestSignerName, TestSigner]> => {
      const spec: { iin: string; bin?: string; revoked?: boolean } = TEST_SIGNERS[name];
      const [certificatePem, privateKeyPem] = await Promise.all([read(TEST_PKI_FILES.certificate(name)), read(TEST_PKI_FILES.key(name))]);
      return [
        name,
        {
          name,
          iin: spec.iin,
          bin: spec.bin ?? null,
          revoked: spec.revoked === true,
          certificatePem,
          privateKeyPem,
          privateKey: await privateKeyFromPem(privateKeyPem),
          chainPem: [issuingCaPem],
        },
      ];
    }),
  );
  const signers = Object.fromEntries(entries) as Record<TestSignerName, TestSigner>;
  return {
    rootPem,
    issuingCaPem,
    issuingCaKeyPem,
    crlPem,
    trustPem: { roots: [rootPem], intermediates: [issuingCaPem], crls: [crlPem] },
    signers,
    signer(name) {
      const found = (signers as Record<string, TestSigner | undefined>)[name];
      if (!found) throw new Error(`No committed test signer "${name}"; there are ${TEST_SIGNER_NAMES.join(', ')}`);
      return found;
    },
    async issuingCa() {
      const revoked = TEST_SIGNER_NAMES.filter((name) => signers[name].revoked).map((name) => serialOf(signers[name].certificatePem));
      return openTestCa({ rootPem, intermediatePem: issuingCaPem, intermediateKey: issuingCaKeyPem, revoked });
    },
  };
}

const serialOf = (certificatePem: string): string => new x509.X509Certificate(certificatePem).serialNumber;
