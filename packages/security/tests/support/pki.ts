/**
 * A throwaway two-level certification authority for the signature tests (root → issuing CA → people), in
 * memory, ECDSA P-256. @egov/mocks has the full test CA (mocks/src/pki); this package must not import
 * mocks, so its tests build their certificates here.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { TrustStore, type TrustStoreOptions } from '../../src/signatures/index.js';
import { engine } from '../../src/signatures/pkix.js';
import { crlToPem, x509 } from '../../src/signatures/x509.js';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
const { KeyUsageFlags } = x509;

export const generateKeys = async (): Promise<CryptoKeyPair> => (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;

export interface PersonSpec {
  lastName: string;
  firstName: string;
  iin?: string;
  bin?: string;
  organisation?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Default digitalSignature + nonRepudiation (a signing certificate). */
  keyUsage?: readonly ('digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyAgreement')[];
}

export interface Issued {
  certificatePem: string;
  privateKey: CryptoKey;
  serial: string;
  /** The issuing CA, to embed in a signature. */
  chainPem: string[];
}

export class TestAuthority {
  readonly revoked = new Set<string>();

  private constructor(
    readonly name: string,
    private readonly root: x509.X509Certificate,
    private readonly issuing: x509.X509Certificate,
    private readonly issuingKeys: CryptoKeyPair,
  ) {}

  /** A new root and issuing CA with new keys: two authorities are unrelated even under the same name. */
  static async create(name = 'Test', now = new Date()): Promise<TestAuthority> {
    const [rootKeys, issuingKeys] = [await generateKeys(), await generateKeys()];
    const caExtensions = async (keys: CryptoKeyPair, pathLength?: number) => [
      new x509.BasicConstraintsExtension(true, pathLength, true),
      new x509.KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ];
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      name: `CN=${name} Root CA, C=KZ`,
      keys: rootKeys as never,
      signingAlgorithm: ALG,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 20 * 365 * DAY),
      extensions: await caExtensions(rootKeys),
    });
    const issuing = await x509.X509CertificateGenerator.create({
      subject: `CN=${name} Issuing CA, C=KZ`,
      issuer: root.subjectName,
      publicKey: issuingKeys.publicKey as never,
      signingKey: rootKeys.privateKey as never,
      signingAlgorithm: ALG,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 10 * 365 * DAY),
      extensions: await caExtensions(issuingKeys, 0),
    });
    return new TestAuthority(name, root, issuing, issuingKeys);
  }

  get rootPem(): string {
    return this.root.toString('pem');
  }

  get issuingPem(): string {
    return this.issuing.toString('pem');
  }

  /** A person's signing certificate, with НУЦ РК's subject conventions. */
  async issue(person: PersonSpec, keys?: CryptoKeyPair): Promise<Issued> {
    return issueCertificate(person, this.issuing, this.issuingKeys.privateKey, [this.issuingPem], keys);
  }

  /** A certificate signed with a person's key, as if their (non-CA) certificate were an issuing CA. */
  async issueUnder(parent: Issued, person: PersonSpec): Promise<Issued> {
    return issueCertificate(person, new x509.X509Certificate(parent.certificatePem), parent.privateKey, [parent.certificatePem, ...parent.chainPem]);
  }

  revoke(serial: string): void {
    this.revoked.add(serial);
  }

  /** The issuing CA's CRL of everything revoked so far. */
  async crlPem({ thisUpdate = new Date(Date.now() - DAY), nextUpdate = new Date(Date.now() + 7 * DAY) } = {}): Promise<string> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.issuing.subjectName,
      thisUpdate,
      nextUpdate,
      signingKey: this.issuingKeys.privateKey as never,
      signingAlgorithm: ALG,
      // Every entry gets a reason: @peculiar/x509 2.2 encodes an entry without extensions invalidly.
      entries: [...this.revoked].map((serialNumber) => ({ serialNumber, revocationDate: thisUpdate, reason: x509.X509CrlReason.keyCompromise })),
    });
    return crlToPem(crl);
  }

  /** A trust store of this authority; `crls: []` leaves the CRL out. */
  async trust(options: TrustStoreOptions & { crls?: string[] } = {}): Promise<TrustStore> {
    return TrustStore.fromPem({ roots: [this.rootPem], intermediates: [this.issuingPem], crls: options.crls ?? [await this.crlPem()] }, options);
  }
}

async function issueCertificate(
  person: PersonSpec,
  issuer: x509.X509Certificate,
  issuerKey: CryptoKey,
  chainPem: string[],
  keys?: CryptoKeyPair,
): Promise<Issued> {
  const now = Date.now();
  const pair = keys ?? (await generateKeys());
  const subject: x509.JsonNameParams = [
    { CN: [{ utf8String: `${person.lastName} ${person.firstName}`.toUpperCase() }] },
    { '2.5.4.4': [{ utf8String: person.lastName.toUpperCase() }] },
    ...(person.iin ? [{ '2.5.4.5': [{ printableString: `IIN${person.iin}` }] }] : []),
    { C: [{ printableString: 'KZ' }] },
    ...(person.organisation ? [{ O: [{ utf8String: person.organisation }] }] : []),
    ...(person.bin ? [{ OU: [{ printableString: `BIN${person.bin}` }] }] : []),
    { '2.5.4.42': [{ utf8String: person.firstName.toUpperCase() }] },
  ];
  const certificate = await x509.X509CertificateGenerator.create({
    subject: new x509.Name(subject),
    issuer: issuer.subjectName,
    publicKey: pair.publicKey as never,
    signingKey: issuerKey as never,
    signingAlgorithm: ALG,
    notBefore: person.notBefore ?? new Date(now - DAY),
    notAfter: person.notAfter ?? new Date(now + 365 * DAY),
    extensions: [
      new x509.KeyUsagesExtension(
        (person.keyUsage ?? ['digitalSignature', 'nonRepudiation']).reduce((flags, usage) => flags | KeyUsageFlags[usage], 0),
        true,
      ),
    ],
  });
  return { certificatePem: certificate.toString('pem'), privateKey: pair.privateKey, serial: certificate.serialNumber, chainPem };
}

/**
 * The same signature with its signed attributes re-signed by another key: the certificate inside still
 * names the original signer. What a forger without the signer's key could produce at best.
 */
export async function resignWithAnotherKey(signature: string, otherKey: CryptoKey): Promise<string> {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(Buffer.from(signature, 'base64')));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0]!;
  const { parameters } = await engine.getSignatureParameters(otherKey as never, 'SHA-256');
  const value = await engine.signWithPrivateKey(signerInfo.signedAttrs!.encodedValue, otherKey as never, parameters as never);
  signerInfo.signature = new asn1js.OctetString({ valueHex: value });
  return Buffer.from(new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) }).toSchema().toBER()).toString('base64');
}

/** Re-encodes a signature after changing its SignedData, e.g. to add a second signer or embed the content. */
export function editSignature(signature: string, edit: (signedData: pkijs.SignedData) => void): string {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(Buffer.from(signature, 'base64')));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  edit(signedData);
  return Buffer.from(new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) }).toSchema().toBER()).toString('base64');
}
