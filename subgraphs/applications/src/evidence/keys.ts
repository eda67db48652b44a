import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, envOptional } from '@egov/core';
import { makeDevelopmentKey, readEd25519KeyFile } from '@egov/security';

type Env = Record<string, string | undefined>;

/** The key that signs the evidence kept with each application. */
export interface EvidenceConfig {
  /** Ed25519 private key, PKCS#8 PEM (EVIDENCE_SIGNING_KEY_FILE). */
  keyFile: string;
  /** Development only: make keyFile if it does not exist yet. */
  generateKey?: boolean;
}

/** The signing key and its public half, with the fingerprint that names it in every bundle. */
export interface EvidenceSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** The public half as SPKI PEM, handed out with each bundle. */
  publicKeyPem: string;
}

/** Where a subgraph run alone in development keeps a key it made itself (`npm start` and the tests use the mocks' test key). */
export const DEV_EVIDENCE_KEY_FILE = '.data/evidence/signing-key.pem';

/**
 * EVIDENCE_SIGNING_KEY_FILE: required in production (NODE_ENV=production), where the process refuses to start
 * without it. Elsewhere, when unset, a development key is made under `.data/evidence/` on first use.
 */
export function evidenceConfigFromEnv(env: Env = process.env): EvidenceConfig {
  const keyFile = envOptional('EVIDENCE_SIGNING_KEY_FILE', env);
  if (!keyFile && env.NODE_ENV === 'production')
    throw new ConfigError(
      'EVIDENCE_SIGNING_KEY_FILE is required in production: the Ed25519 key (PKCS#8 PEM) that signs the registry snapshot and receipt kept with each application',
    );
  return keyFile ? { keyFile: resolve(keyFile) } : { keyFile: resolve(DEV_EVIDENCE_KEY_FILE), generateKey: true };
}

/** How a public key is named in bundles and answers: `sha256:` and the hex SHA-256 of its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

/** Reads the signing key; a missing, unreadable or non-Ed25519 key fails naming the variable. */
export function loadEvidenceSigningKey(config: EvidenceConfig): EvidenceSigningKey {
  if (config.generateKey && !existsSync(config.keyFile)) makeDevelopmentKey(config.keyFile);
  const privateKey = readEd25519KeyFile('EVIDENCE_SIGNING_KEY_FILE', config.keyFile, 'private');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * The keys a verifier trusts: EVIDENCE_PUBLIC_KEY_FILE (comma-separated SPKI PEM files: the current key and
 * any retired ones whose bundles must still verify), or the public half of EVIDENCE_SIGNING_KEY_FILE. Never a
 * key taken from the file being checked: that one is used only when it is one of these.
 */
export function trustedEvidenceKeys(env: Env = process.env): KeyObject[] {
  const publicFiles = (envOptional('EVIDENCE_PUBLIC_KEY_FILE', env) ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (publicFiles.length > 0) {
    return publicFiles.map((file) => readEd25519KeyFile('EVIDENCE_PUBLIC_KEY_FILE', resolve(file), 'public'));
  }
  const keyFile = envOptional('EVIDENCE_SIGNING_KEY_FILE', env);
  if (keyFile) return [loadEvidenceSigningKey({ keyFile: resolve(keyFile) }).publicKey];
  throw new ConfigError(
    'EVIDENCE_PUBLIC_KEY_FILE (or EVIDENCE_SIGNING_KEY_FILE) is required: the key the evidence must be signed with. A key inside the file proves nothing by itself',
  );
}
