/**
 * A test certification authority shaped like НУЦ РК: a self-signed root and an issuing CA under it, which
 * issues people's signing certificates with НУЦ's subject conventions and publishes a CRL.
 *
 *   const ca = await createTestCa();
 *   const citizen = await ca.issue({ iin: '850314301234', lastName: 'Ахметов', firstName: 'Нурлан' });
 *   const signature = await signDetached({ payload, privateKey: citizen.privateKey, certificate: citizen.certificatePem, chain: citizen.chainPem });
 *   const trust = await ca.trustStore();        // or TrustStore.fromPem(await ca.trustPem())
 *
 * Every createTestCa() makes new keys, so a second one is an unrelated authority, even under the same
 * name: certificates it issues do not chain to the first one's root (the "unknown root" case).
 *
 * What a verifier must refuse can be made too: certificates outside their validity (notBefore/notAfter),
 * for encryption rather than signing (keyUsage), revoked (revoke, then a fresh CRL), a CRL past its
 * nextUpdate (crlPem({ nextUpdate })), a certificate signed with a person's own key (issueUnder).
 *
 * Keys are ECDSA P-256 and signatures ECDSA with SHA-256: the real НУЦ uses GOST R 34.10-2015, which
 * WebCrypto does not implement. Subjects (what verifyDetachedSignature reads):
 *   CN  "АХМЕТОВ НУРЛАН" (last and first name, upper case)   SN  surname   G  given name   C  KZ
 *   serialNumber  "IIN" + 12 digits                          (a person)
 *   O  organisation name, OU "BIN" + 12 digits               (a person signing for a legal entity)
 */
import { webcrypto } from 'node:crypto';
import { TrustStore, type TrustStoreOptions, type TrustStorePem } from '@egov/security/signatures';
import { crlToPem, x509 } from '@egov/security/signatures/x509';
import * as asn1js from 'asn1js';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
const YEAR = 365 * DAY;
const { KeyUsageFlags } = x509;

/** Key usages a person's certificate may state (a CA's keyCertSign/cRLSign are not for people). */
export type PersonKeyUsage = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement';

export interface TestCaOptions {
  /** The CAs are "<name> Root CA" and "<name> Issuing CA". Default "НУЦ РК (TEST)". */
  name?: string;
  /** The CA's clock: its own certificates start a day before, and issue() defaults to it. Default: now. */
  now?: Date;
}

export interface IssueOptions {
  /** 12 digits; written as serialNumber "IIN…". */
  iin?: string;
  /** 12 digits; written as OU "BIN…" (a signer acting for a legal entity). */
  bin?: string;
  /** The legal entity's name, written as O. */
  organisation?: string;
  lastName: string;
  firstName: string;
  /** Default: the CA's clock minus a day. */
  notBefore?: Date;
  /** Default: a year after notBefore, as НУЦ issues them. */
  notAfter?: Date;
  /** Default ['digitalSignature', 'nonRepudiation'] (a signing certificate). */
  keyUsage?: readonly PersonKeyUsage[];
}

export interface IssuedCertificate {
  certificatePem: string;
  /** Extractable, so it can be saved with privateKeyToPem. */
  privateKey: CryptoKey;
  /** The issuing CA's certificate, to embed in signatures (signDetached's `chain`). */
  chainPem: string[];
  /** Lower-case hex, as verifyDetachedSignature reports it. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CrlOptions {
  /** Default: the CA's clock minus a day. */
  thisUpdate?: Date;
  /** Default: thisUpdate plus 30 days. */
  nextUpdate?: Date;
}

export interface TestTrustStoreOptions extends TrustStoreOptions {
  /** The CRLs the store holds instead of a fresh one from this CA: `[]` for none, or ones made with crlPem(). */
  crls?: readonly string[];
}

export interface TestCa {
  readonly name: string;
  readonly rootPem: string;
  /** The issuing CA's certificate. */
  readonly intermediatePem: string;
  issue(options: IssueOptions): Promise<IssuedCertificate>;
  /**
   * A certificate signed with `parent`'s key, naming `parent` as its issuer, as if that person's (non-CA)
   * certificate were an issuing CA: the best a forger holding only their own ЭЦП can make. Its chain is
   * `parent` and parent's chain, so it reaches this CA's root; a verifier must still refuse it.
   */
  issueUnder(parent: IssuedCertificate, options: IssueOptions): Promise<IssuedCertificate>;
  /** Puts a certificate (by its serial, its PEM, or what issue() returned) on the next CRL. */
  revoke(certificate: string | IssuedCertificate): void;
  /** A fresh CRL, signed by the issuing CA, listing everything revoked. */
  crlPem(options?: CrlOptions): Promise<string>;
  /** Roots, intermediates and a fresh CRL, ready for TrustStore.fromPem. */
  trustPem(options?: CrlOptions): Promise<TrustStorePem>;
  /** A TrustStore of this CA: its root, its issuing CA and a fresh CRL (or `crls`). */
  trustStore(options?: TestTrustStoreOptions): Promise<TrustStore>;
  /** The issuing CA's private key as PKCS#8 PEM. Test material only. */
  intermediateKeyPem(): Promise<string>;
}

export async function createTestCa(options: TestCaOptions = {}): Promise<TestCa> {
  const name = options.name ?? 'НУЦ РК (TEST)';
  const now = options.now ?? new Date();
  const start = new Date(now.getTime() - DAY);
  const rootKeys = await generateKeyPair();
  const issuingKeys = await generateKeyPair();

  const root = await x509.X509CertificateGenerator.createSelfSigned({
    name: caName(`${name} Root CA`),
    keys: rootKeys as never,
    signingAlgorithm: ALGORITHM,
    notBefore: start,
    notAfter: new Date(start.getTime() + 20 * YEAR),
    extensions: await caExtensions(rootKeys.publicKey, null),
  });
  const issuing = await x509.X509CertificateGenerator.create({
    subject: caName(`${name} Issuing CA`),
    issuer: root.subjectName,
    publicKey: issuingKeys.publicKey as never,
    signingKey: rootKeys.privateKey as never,
    signingAlgorithm: ALGORITHM,
    notBefore: start,
    notAfter: new Date(start.getTime() + 15 * YEAR),
    extensions: [...(await caExtensions(issuingKeys.publicKey, 0)), await x509.AuthorityKeyIdentifierExtension.create(root as never)],
  });
  return openTestCa({ name, now, rootPem: root.toString('pem'), intermediatePem: issuing.toString('pem'), intermediateKey: issuingKeys.privateKey });
}

export interface OpenTestCaOptions {
  rootPem: string;
  intermediatePem: string;
  /** The issuing CA's private key: a CryptoKey, or PKCS#8 PEM. */
  intermediateKey: CryptoKey | string;
  /** Serials already revoked (they stay on every CRL this CA issues). */
  revoked?: readonly string[];
  name?: string;
  now?: Date;
}

/** A TestCa over existing material, e.g. the committed mocks/data/pki (see loadTestPki().issuingCa()). */
export async function openTestCa(options: OpenTestCaOptions): Promise<TestCa> {
  const root = new x509.X509Certificate(options.rootPem);
  const issuing = new x509.X509Certificate(options.intermediatePem);
  const signingKey = typeof options.intermediateKey === 'string' ? await privateKeyFromPem(options.intermediateKey) : options.intermediateKey;
  const clock = () => options.now ?? new Date();
  const name = options.name ?? issuing.subjectName.getField('CN')[0]?.replace(/ Issuing CA$/, '') ?? 'Test';
  const revoked = new Set((options.revoked ?? []).map(normaliseSerial));
  const authorityKeyId = await x509.AuthorityKeyIdentifierExtension.create(issuing as never);
  const crlPem = async (crl: CrlOptions = {}): Promise<string> => {
    const thisUpdate = crl.thisUpdate ?? new Date(clock().getTime() - DAY);
    const nextUpdate = crl.nextUpdate ?? new Date(thisUpdate.getTime() + 30 * DAY);
    const generated = await x509.X509CrlGenerator.create({
      issuer: issuing.subjectName,
      thisUpdate,
      nextUpdate,
      signingKey: signingKey as never,
      signingAlgorithm: ALGORITHM,
      // Every entry carries a reason: @peculiar/x509 2.2 encodes an entry without extensions invalidly.
      entries: [...revoked].map((serialNumber) => ({ serialNumber, revocationDate: thisUpdate, reason: x509.X509CrlReason.keyCompromise })),
      // cRLNumber: thisUpdate in seconds, so a later CRL has a larger number even across processes.
      extensions: [authorityKeyId, new x509.Extension('2.5.29.20', false, new asn1js.Integer({ value: Math.floor(thisUpdate.getTime() / 1000) }).toBER())],
    });
    return crlToPem(generated);
  };

  return {
    name,
    rootPem: root.toString('pem'),
    intermediatePem: issuing.toString('pem'),
    issue(person) {
      return issueCertificate(person, { certificate: issuing, key: signingKey, authorityKeyId, chainPem: [issuing.toString('pem')] }, clock());
    },

    async issueUnder(parent, person) {
      const certificate = new x509.X509Certificate(parent.certificatePem);
      const authority = {
        certificate,
        key: parent.privateKey,
        authorityKeyId: await x509.AuthorityKeyIdentifierExtension.create(certificate as never),
        chainPem: [parent.certificatePem, ...parent.chainPem],
      };
      return issueCertificate(person, authority, clock());
    },

    revoke(certificate) {
      if (typeof certificate !== 'string') return void revoked.add(normaliseSerial(certificate.serial));
      if (!certificate.includes('-----BEGIN')) return void revoked.add(normaliseSerial(certificate));
      const parsed = new x509.X509Certificate(certificate);
      if (parsed.issuer !== issuing.subject) throw new Error(`revoke: the certificate was issued by "${parsed.issuer}", not by this CA`);
      revoked.add(normaliseSerial(parsed.serialNumber));
    },

    crlPem,

    async trustPem(crl) {
      return { roots: [root.toString('pem')], intermediates: [issuing.toString('pem')], crls: [await crlPem(crl)] };
    },

    async trustStore({ crls, ...options } = {}) {
      return TrustStore.fromPem({ roots: [root.toString('pem')], intermediates: [issuing.toString('pem')], crls: crls ?? [await crlPem()] }, options);
    },

    async intermediateKeyPem() {
      return privateKeyToPem(signingKey);
    },
  };
}

/** PKCS#8 PEM of an extractable private key. */
export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** An ECDSA P-256 signing key from PKCS#8 PEM (extractable, so it can be saved again). */
export async function privateKeyFromPem(pem: string): Promise<CryptoKey> {
  const [der] = x509.PemConverter.decode(pem);
  if (!der) throw new TypeError('privateKeyFromPem: no PEM block');
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
}

/** A new ECDSA P-256 key pair (extractable), the kind this CA certifies: e.g. "another key" to sign with in a test. */
export const generateKeyPair = async (): Promise<CryptoKeyPair> => (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;

/** Who signs a certificate: the issuing CA, or for issueUnder a person's certificate and key. */
interface Authority {
  certificate: x509.X509Certificate;
  key: CryptoKey;
  authorityKeyId: x509.Extension;
  /** What a signature embeds above the new certificate: the authority and its own chain. */
  chainPem: string[];
}

/** A person's certificate with a new key pair, signed by `authority`; validity defaults follow the CA's clock `now`. */
async function issueCertificate(person: IssueOptions, authority: Authority, now: Date): Promise<IssuedCertificate> {
  for (const [label, id] of [
    ['iin', person.iin],
    ['bin', person.bin],
  ] as const) {
    if (id !== undefined && !/^\d{12}$/.test(id)) throw new TypeError(`issue: ${label} must be 12 digits`);
  }
  const keys = await generateKeyPair();
  const notBefore = person.notBefore ?? new Date(now.getTime() - DAY);
  const notAfter = person.notAfter ?? new Date(notBefore.getTime() + YEAR);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: personName(person),
    issuer: authority.certificate.subjectName,
    publicKey: keys.publicKey as never,
    signingKey: authority.key as never,
    signingAlgorithm: ALGORITHM,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, false),
      new x509.KeyUsagesExtension(keyUsageFlags(person.keyUsage ?? ['digitalSignature', 'nonRepudiation']), true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
      authority.authorityKeyId,
    ],
  });
  return {
    certificatePem: certificate.toString('pem'),
    privateKey: keys.privateKey,
    chainPem: authority.chainPem,
    serial: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}

const caName = (commonName: string) =>
  new x509.Name([{ CN: [{ utf8String: commonName }] }, { O: [{ utf8String: 'egov-graph test PKI' }] }, { C: [{ printableString: 'KZ' }] }]);

async function caExtensions(publicKey: CryptoKey, pathLength: number | null): Promise<x509.Extension[]> {
  return [
    new x509.BasicConstraintsExtension(true, pathLength ?? undefined, true),
    new x509.KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey as never),
  ];
}

/** НУЦ РК's subject layout (upper-case names as НУЦ writes them). */
function personName(person: IssueOptions): x509.Name {
  const last = person.lastName.toUpperCase();
  const first = person.firstName.toUpperCase();
  return new x509.Name([
    { CN: [{ utf8String: `${last} ${first}` }] },
    { '2.5.4.4': [{ utf8String: last }] },
    ...(person.iin ? [{ '2.5.4.5': [{ printableString: `IIN${person.iin}` }] }] : []),
    { C: [{ printableString: 'KZ' }] },
    ...(person.organisation ? [{ O: [{ utf8String: person.organisation }] }] : []),
    ...(person.bin ? [{ OU: [{ printableString: `BIN${person.bin}` }] }] : []),
    { '2.5.4.42': [{ utf8String: first }] },
  ]);
}

function keyUsageFlags(usages: readonly PersonKeyUsage[]): number {
  return usages.reduce((flags, usage) => flags | KeyUsageFlags[usage], 0);
}

function normaliseSerial(serial: string): string {
  const hex = serial.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new TypeError(`revoke: "${serial}" is neither a hex serial number nor a PEM certificate`);
  return hex.replace(/^(00)+(?=[0-9a-f]{2})/, '');
}
