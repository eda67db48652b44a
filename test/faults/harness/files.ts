import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Files under `dir` that are not a whole stored scan. Scans are kept by content, named by the SHA-256 of
 * their bytes: any file whose name is not its own hash (a temporary file, a partial write) is a leftover.
 */
export function strayFiles(dir: string): string[] {
  const stray: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (createHash('sha256').update(readFileSync(full)).digest('hex') !== basename(full)) stray.push(full.slice(dir.length + 1));
    }
  };
  walk(dir);
  return stray;
}

/**
 * Waits up to `timeoutMs` for `dir` to hold no stray file besides those in `known` (a cleanup may finish
 * just after the answer), and returns what is still there.
 */
export async function settledStrayFiles(dir: string, timeoutMs = 3_000, known: ReadonlySet<string> = new Set()): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stray = strayFiles(dir);
    if (stray.every((f) => known.has(f)) || Date.now() > deadline) return stray;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
