import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, envInt, envOptional } from '@egov/core';

type Env = Record<string, string | undefined>;

/** Where the audit trail's signed checkpoints go, and the key that signs them. */
export interface AuditAnchorConfig {
  /** The checkpoint store: a directory outside PostgreSQL. */
  dir: string;
  /** Ed25519 private key (PKCS#8 PEM): the application's, never the database role's. */
  keyFile: string;
  /** Ed25519 public key (SPKI PEM), for verifying where the private key is not held; derived from keyFile when unset. */
  publicKeyFile?: string;
  /** How often each process verifies the chain against the newest checkpoint (and one of them writes a new one). */
  everyMs: number;
  /** How often a scheduled round checks the whole chain from 'genesis'; the rounds between go on from the newest checkpoint. */
  fullEveryMs?: number;
  /** Development only: make keyFile if it does not exist yet. */
  generateKey?: boolean;
}

/** Where development keeps its own anchor key, beside the embedded database it anchors (`.data/`). */
export const DEV_ANCHOR_KEY_FILE = '.data/audit-anchor/signing-key.pem';
/** Development's checkpoints: with the key and the database in `.data/`, so a fresh `.data/` starts all three afresh. */
const DEV_ANCHOR_DIR = '.data/audit-anchor/checkpoints';

/**
 * The audit anchor's settings, in one place: AUDIT_ANCHOR_DIR (default `var/audit-anchors`; in development
 * `.data/audit-anchor/checkpoints`, beside the key and the embedded database it anchors),
 * AUDIT_ANCHOR_KEY_FILE, AUDIT_ANCHOR_PUBLIC_KEY_FILE, AUDIT_ANCHOR_EVERY_MS (default 60 000),
 * AUDIT_ANCHOR_FULL_EVERY_MS (default 86 400 000: a whole-chain round a day, the first round of a process too). Production
 * (NODE_ENV=production) must name its key file; development makes one under .data/ on first use, so
 * `npm start` needs no setup (and a fresh .data/ starts a fresh anchor with a fresh database).
 */
export function auditAnchorConfigFromEnv(env: Env = process.env): AuditAnchorConfig {
  const keyFile = envOptional('AUDIT_ANCHOR_KEY_FILE', env);
  const production = env.NODE_ENV === 'production';
  if (!keyFile && production)
    throw new ConfigError(
      'AUDIT_ANCHOR_KEY_FILE is required in production: the Ed25519 key (PKCS#8 PEM) that signs the audit checkpoints, held by the application and not by the database role',
    );
  const publicKeyFile = envOptional('AUDIT_ANCHOR_PUBLIC_KEY_FILE', env);
  return {
    dir: resolve(envOptional('AUDIT_ANCHOR_DIR', env) ?? (keyFile ? 'var/audit-anchors' : DEV_ANCHOR_DIR)),
    keyFile: resolve(keyFile ?? DEV_ANCHOR_KEY_FILE),
    ...(publicKeyFile ? { publicKeyFile: resolve(publicKeyFile) } : {}),
    everyMs: envInt('AUDIT_ANCHOR_EVERY_MS', 60_000, env),
    fullEveryMs: envInt('AUDIT_ANCHOR_FULL_EVERY_MS', 86_400_000, env),
    generateKey: !keyFile,
  };
}

/** The signing key (when it can be read) and the verifying key; a bad key file fails naming the variable. */
export function anchorKeys(config: AuditAnchorConfig, needs: 'sign' | 'verify'): { privateKey: KeyObject | null; publicKey: KeyObject } {
  if (config.generateKey && !existsSync(config.keyFile)) makeDevelopmentKey(config.keyFile);
  let privateKey: KeyObject | null = null;
  if (needs === 'sign' || !config.publicKeyFile) {
    try {
      privateKey = createPrivateKey(readFileSync(config.keyFile));
    } catch (error) {
      throw new ConfigError(`AUDIT_ANCHOR_KEY_FILE (${config.keyFile}) cannot be read as a PEM private key: ${(error as Error).message}`);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new ConfigError(`AUDIT_ANCHOR_KEY_FILE (${config.keyFile}) must hold an Ed25519 key`);
  }
  let publicKey: KeyObject;
  if (config.publicKeyFile) {
    try {
      publicKey = createPublicKey(readFileSync(config.publicKeyFile));
    } catch (error) {
      throw new ConfigError(`AUDIT_ANCHOR_PUBLIC_KEY_FILE (${config.publicKeyFile}) cannot be read as a PEM public key: ${(error as Error).message}`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new ConfigError(`AUDIT_ANCHOR_PUBLIC_KEY_FILE (${config.publicKeyFile}) must hold an Ed25519 key`);
    if (privateKey && !createPublicKey(privateKey).equals(publicKey))
      throw new ConfigError('AUDIT_ANCHOR_PUBLIC_KEY_FILE is not the public half of AUDIT_ANCHOR_KEY_FILE: checkpoints would never verify');
  } else publicKey = createPublicKey(privateKey!);
  return { privateKey, publicKey };
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
