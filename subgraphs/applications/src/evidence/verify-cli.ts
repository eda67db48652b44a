/**
 * `npm run evidence:verify <file>`: checks a saved `applicationEvidence` answer offline, against the key the
 * service signs with: EVIDENCE_PUBLIC_KEY_FILE (comma-separated SPKI PEM files, for rotated keys), or the
 * public half of EVIDENCE_SIGNING_KEY_FILE. The public key inside the file counts only when it is one of
 * those. No database, no network. Prints one JSON line, `{ "valid": true|false, "number", ..., "reason"? }`,
 * and exits 0 only when valid: 1 when the file is not valid evidence (changed after signing, signed by
 * another key, not evidence at all), 2 when the check could not run (no file, no key configured).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyEvidence } from './bundle.js';
import { trustedEvidenceKeys } from './keys.js';

function main(): number {
  const path = process.argv[2];
  if (!path) throw new Error('name the evidence file: npm run evidence:verify <file>');
  // npm runs scripts from the repository root; a relative path means the caller's directory.
  const text = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path), 'utf8');
  const trusted = trustedEvidenceKeys();
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    file = null;
  }
  const verdict = verifyEvidence(file, trusted);
  process.stdout.write(`${JSON.stringify(verdict)}\n`);
  return verdict.valid ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stdout.write(`${JSON.stringify({ valid: false, reason: `the check could not run: ${(error as Error).message}` })}\n`);
  process.exitCode = 2;
}
