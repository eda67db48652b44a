import type { KeyObject } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSignatureValid, signJson } from './signed-json.js';

/**
 * A signed statement of how far the audit trail reached at a moment, kept outside PostgreSQL (as a
 * Certificate Transparency log's signed tree head, or X-Road's time-stamped message log): whoever can
 * rewrite the database but does not hold the signing key cannot make the trail shorter than a checkpoint
 * says, nor sign one for the state they leave behind.
 */
export interface CheckpointContent {
  /** Records in audit.access_log. */
  records: number;
  /** Id of the newest record (as text); null when there is none. */
  lastId: string | null;
  /** Its chain hash; 'genesis' when there is none. */
  lastHash: string;
  /** When the state was read, ISO 8601. */
  at: string;
  /** The process that wrote it. */
  writer?: string;
}

export interface Checkpoint extends CheckpointContent {
  /** base64url Ed25519 signature over canonicalJson of everything else. */
  signature: string;
}

export function signCheckpoint(content: CheckpointContent, privateKey: KeyObject): Checkpoint {
  return { ...content, signature: signJson(content, privateKey) };
}

/** Whether `value` is a checkpoint signed by `publicKey` (anything else vouches for nothing). */
export function isSignedCheckpoint(value: unknown, publicKey: KeyObject): value is Checkpoint {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { signature, ...content } = value as Record<string, unknown>;
  const shaped =
    typeof signature === 'string' &&
    Number.isInteger(content.records) &&
    (content.records as number) >= 0 &&
    (content.lastId === null || typeof content.lastId === 'string') &&
    typeof content.lastHash === 'string' &&
    typeof content.at === 'string';
  return shaped && jsonSignatureValid(content, signature as string, publicKey);
}

/** Where checkpoints are kept: appended, never rewritten. */
export interface CheckpointStore {
  append(checkpoint: Checkpoint): Promise<void>;
  /** The newest checkpoint signed by `publicKey`, and how many entries did not verify. */
  newest(publicKey: KeyObject): Promise<{ checkpoint: Checkpoint | null; untrusted: number }>;
  /** Where it is, for messages. */
  readonly location: string;
}

/**
 * Checkpoints as JSON lines appended to `checkpoints.jsonl` in a directory: a volume the database role
 * cannot reach (and, ideally, that is replicated or write-once). Each append is one write of one line,
 * flushed to disk before it counts.
 */
export class DirectoryCheckpointStore implements CheckpointStore {
  readonly location: string;

  constructor(readonly dir: string) {
    this.location = join(dir, 'checkpoints.jsonl');
  }

  async append(checkpoint: Checkpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = await open(this.location, 'a', 0o640);
    try {
      await file.write(`${JSON.stringify(checkpoint)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  /**
   * Reads from the newest line back and stops at the first that verifies: a round costs one signature check
   * however long the anchor has grown (a line a minute is half a million a year). Lines older than the newest
   * verified one cannot vouch for more than it does, so they are not examined; `untrusted` counts the lines
   * after it that do not verify.
   */
  async newest(publicKey: KeyObject): Promise<{ checkpoint: Checkpoint | null; untrusted: number }> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoint: null, untrusted: 0 };
      throw error;
    }
    const lines = text.split('\n');
    let untrusted = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = null;
      }
      if (isSignedCheckpoint(parsed, publicKey)) return { checkpoint: parsed, untrusted };
      untrusted += 1;
    }
    return { checkpoint: null, untrusted };
  }
}
