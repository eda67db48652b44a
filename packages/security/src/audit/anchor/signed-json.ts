import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@egov/core';

/** An Ed25519 signature (base64url) over the canonical JSON of `content`: what the anchor signs, checkpoints and verdicts alike. */
export function signJson(content: object, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalJson(content as never), 'utf8'), privateKey).toString('base64url');
}

/** Whether `signature` is `publicKey`'s over the canonical JSON of `content`; a malformed one is simply not. */
export function jsonSignatureValid(content: object, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(content as never), 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
