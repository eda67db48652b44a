/**
 * Edits of a detached CMS signature (base64 ContentInfo of SignedData, as signDetached makes it), for tests
 * that hand our verifier what a forger or a broken client would send.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// Passed to each call rather than set with pkijs.setEngine(), as @egov/security does, so no global state changes.
const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as never });

/** Re-encodes a signature after changing its SignedData, e.g. to add a second signer or embed the content. */
export function editSignature(signature: string, edit: (signedData: pkijs.SignedData) => void): string {
  const { contentInfo, signedData } = decode(signature);
  edit(signedData);
  return encode(contentInfo, signedData);
}

/**
 * The same signature with its signed attributes re-signed by another key: the certificate inside still
 * names the original signer. What a forger without the signer's key could produce at best.
 */
export async function resignWithAnotherKey(signature: string, otherKey: webcrypto.CryptoKey): Promise<string> {
  const { contentInfo, signedData } = decode(signature);
  const signerInfo = signedData.signerInfos[0]!;
  const { parameters } = await engine.getSignatureParameters(otherKey as never, 'SHA-256');
  const value = await engine.signWithPrivateKey(signerInfo.signedAttrs!.encodedValue, otherKey as never, parameters as never);
  signerInfo.signature = new asn1js.OctetString({ valueHex: value });
  return encode(contentInfo, signedData);
}

function decode(signature: string): { contentInfo: pkijs.ContentInfo; signedData: pkijs.SignedData } {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(Buffer.from(signature, 'base64')));
  return { contentInfo, signedData: new pkijs.SignedData({ schema: contentInfo.content }) };
}

const encode = (contentInfo: pkijs.ContentInfo, signedData: pkijs.SignedData): string =>
  Buffer.from(new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) }).toSchema().toBER()).toString('base64');
