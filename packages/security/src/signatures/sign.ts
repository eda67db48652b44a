/**
 * Making a detached signature the way NCALayer does, for tests, the mocks' signing CLI and portal
 * developers who want to see exactly what the server expects:
 *
 *   CMS ContentInfo(SignedData) — base64
 *     encapContentInfo: id-data, no content (detached)
 *     certificates: the signer's certificate, then any `chain` certificates
 *     signerInfo: sid = issuer + serial of the signer's certificate, digest SHA-256,
 *                 signed attributes contentType (id-data), messageDigest (SHA-256 of the payload), signingTime
 *
 * The payload is the canonical bytes of the object signed: canonicalBytes(applicationPayload(input)).
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificatesFromPem, engine, OID, toArrayBuffer } from './pkix.js';

export interface SignDetachedInput {
  payload: Uint8Array;
  /** The signer's private key (ECDSA P-256 for our test CA; RSA works too), usable for 'sign'. */
  privateKey: webcrypto.CryptoKey;
  /** The signer's certificate, PEM. */
  certificate: string;
  /** Issuing CA certificates to embed as well, PEM (each text may be a bundle). The root need not be sent. */
  chain?: readonly string[];
  /** The signingTime attribute. Default: now. Informational: verification judges certificates at its own time. */
  signingTime?: Date;
}

/** A detached CMS signature over `payload`, base64. Throws when the key does not belong to the certificate. */
export async function signDetached(input: SignDetachedInput): Promise<string> {
  const [certificate] = certificatesFromPem(input.certificate);
  if (!certificate) throw new TypeError('signDetached: certificate must be a PEM certificate');
  const chain = (input.chain ?? []).flatMap((pem) => certificatesFromPem(pem));
  const payload = toArrayBuffer(input.payload);
  const digest = await webcrypto.subtle.digest('SHA-256', payload);

  const attributes = [
    new pkijs.Attribute({ type: OID.contentTypeAttr, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigestAttr, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new pkijs.Attribute({ type: OID.signingTimeAttr, values: [new asn1js.UTCTime({ valueDate: input.signingTime ?? new Date() })] }),
  ];
  // DER wants a SET OF in the order of its members' encodings; verifiers that re-encode depend on it.
  const encodingOf = (a: pkijs.Attribute) => Buffer.from(a.toSchema().toBER());
  attributes.sort((a, b) => Buffer.compare(encodingOf(a), encodingOf(b)));

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [certificate, ...chain],
  });
  await signedData.sign(input.privateKey as never, 0, 'SHA-256', payload, engine);

  const der = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER();

  // A key that does not match the certificate makes a signature no one can verify: say so now. Checked on
  // the encoding, as a verifier will see it (a SignedData built in memory has no encoded signed attributes).
  const encoded = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(der).content });
  const check = await encoded.verify({ signer: 0, data: payload, extendedMode: true }, engine).catch(() => null);
  if (!check?.signatureVerified) throw new Error('signDetached: the private key does not belong to the certificate');
  return Buffer.from(der).toString('base64');
}
