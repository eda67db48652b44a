import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, envInt, envOptional } from '@egov/core';
import { makeDevelopmentKey, readEd25519KeyFile } from '../../ed25519-key-files.js';

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
  if (needs === 'sign' || !config.publicKeyFile) privateKey = readEd25519KeyFile('AUDIT_ANCHOR_KEY_FILE', config.keyFile, 'private');
  let publicKey: KeyObject;
  if (config.publicKeyFile) {
    publicKey = readEd25519KeyFile('AUDIT_ANCHOR_PUBLIC_KEY_FILE', config.publicKeyFile, 'public');
    if (privateKey && !createPublicKey(privateKey).equals(publicKey))
      throw new ConfigError('AUDIT_ANCHOR_PUBLIC_KEY_FILE is not the public half of AUDIT_ANCHOR_KEY_FILE: checkpoints would never verify');
  } else publicKey = createPublicKey(privateKey!);
  return { privateKey, publicKey };
}
