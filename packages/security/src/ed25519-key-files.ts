import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '@egov/core';

/**
 * Reads an Ed25519 key from a PEM file named by a configuration variable (PKCS#8 for 'private', SPKI for
 * 'public'); an unreadable file or another kind of key fails naming the variable. The service's own keys
 * (the audit anchor's, the evidence signer's) are read this way.
 */
export function readEd25519KeyFile(variable: string, file: string, half: 'private' | 'public'): KeyObject {
  let key: KeyObject;
  try {
    key = half === 'private' ? createPrivateKey(readFileSync(file)) : createPublicKey(readFileSync(file));
  } catch (error) {
    throw new ConfigError(`${variable} (${file}) cannot be read as a PEM ${half} key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(`${variable} (${file}) must hold an Ed25519 key`);
  return key;
}

/**
 * Writes a fresh Ed25519 key to `path`, atomically: several processes starting at once (`npm start`)
 * all end up reading the one that was linked into place first, never a half-written file. Development only
 * (the audit anchor's key, the evidence key of a subgraph run without one).
 */
export function makeDevelopmentKey(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const draft = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(draft, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}
