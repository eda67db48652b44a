/**
 * Small readers over pkijs objects shared by trust.ts, verify.ts and sign.ts. Internal: not exported from
 * the package.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * pkijs on Node's own WebCrypto (globalThis.crypto). Passed explicitly to every pkijs call instead of
 * pkijs.setEngine(), so importing this library changes no global state.
 *
 * Algorithms: Kazakhstan's НУЦ РК signs with GOST R 34.10/34.11, which WebCrypto does not implement. We
 * verify ECDSA (P-256, with SHA-256; P-384/SHA-384 also pass) and RSA (PKCS#1 v1.5 and PSS) with SHA-2;
 * accepting real НУЦ signatures needs a GOST-capable engine behind this same API.
 */
export const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as never });

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentTypeAttr: '1.2.840.113549.1.9.3',
  messageDigestAttr: '1.2.840.113549.1.9.4',
  signingTimeAttr: '1.2.840.113549.1.9.5',
} as const;

/** Extensions we act on or may safely ignore; any other extension marked critical makes a certificate unusable (RFC 5280 §4.2). */
export const UNDERSTOOD_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.subjectKeyIdentifier,
  OID.keyUsage,
  OID.subjectAltName,
  OID.basicConstraints,
  OID.crlDistributionPoints,
  OID.certificatePolicies,
  OID.authorityKeyIdentifier,
  OID.extKeyUsage,
  OID.authorityInfoAccess,
]);

/** The named bits of KeyUsage (RFC 5280 §4.2.1.3). */
export const KEY_USAGE_BITS = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
} as const;
export type KeyUsageName = keyof typeof KEY_USAGE_BITS;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** The DER bodies of the PEM blocks with one of the given labels, in order. A text may hold several blocks (a bundle). */
export function pemBlocks(text: string, labels: readonly string[]): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    if (labels.includes(match[1]!)) blocks.push(new Uint8Array(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64')));
  }
  return blocks;
}

export const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export const sameBytes = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean =>
  Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)));

/** A certificate from DER; throws on anything else. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** The certificates in a PEM text (label CERTIFICATE). */
export function certificatesFromPem(text: string): pkijs.Certificate[] {
  return pemBlocks(text, ['CERTIFICATE']).map(parseCertificate);
}

/** The encoded certificate, for identity comparisons. */
export const derOf = (certificate: pkijs.Certificate): Uint8Array => new Uint8Array(certificate.toSchema().toBER());

export const publicKeyOf = (certificate: pkijs.Certificate): Uint8Array => new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER());

/** The serial number as lower-case hex without leading zero bytes, as @peculiar/x509 and most tools print it. */
export function serialHex(serial: asn1js.Integer): string {
  const hex = Buffer.from(serial.valueBlock.valueHexView).toString('hex');
  return hex.replace(/^(00)+(?=[0-9a-f]{2})/, '') || '00';
}

/** Every value of a name attribute, as text. */
export function nameValues(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues.filter((tv) => tv.type === oid).map((tv) => tv.value.getValue());
}

/** A name for messages: the CN, else the whole name as type=value pairs. Only used for CA certificates. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const cn = nameValues(name, OID.commonName)[0];
  return cn ?? name.typesAndValues.map((tv) => `${tv.type}=${tv.value.getValue()}`).join(', ');
}

export function extensionOf(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((e) => e.extnID === oid);
}

/** basicConstraints, or null when absent. */
export function basicConstraintsOf(certificate: pkijs.Certificate): { ca: boolean; pathLength: number | null } | null {
  const parsed = extensionOf(certificate, OID.basicConstraints)?.parsedValue;
  if (!(parsed instanceof pkijs.BasicConstraints)) return null;
  const pathLength = parsed.pathLenConstraint;
  return {
    ca: parsed.cA,
    pathLength: pathLength === undefined ? null : typeof pathLength === 'number' ? pathLength : pathLength.valueBlock.valueDec,
  };
}

/** The key usages a certificate states, or null when it has no keyUsage extension. */
export function keyUsagesOf(certificate: pkijs.Certificate): Set<KeyUsageName> | null {
  const parsed = extensionOf(certificate, OID.keyUsage)?.parsedValue;
  if (!(parsed instanceof asn1js.BitString)) return null;
  const bytes = parsed.valueBlock.valueHexView;
  const usages = new Set<KeyUsageName>();
  for (const [name, bit] of Object.entries(KEY_USAGE_BITS) as [KeyUsageName, number][]) {
    if (((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) usages.add(name);
  }
  return usages;
}

/** The OIDs of critical extensions this library does not understand. */
export function unknownCriticalExtensions(certificate: pkijs.Certificate): string[] {
  return (certificate.extensions ?? []).filter((e) => e.critical && !UNDERSTOOD_EXTENSIONS.has(e.extnID)).map((e) => e.extnID);
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
