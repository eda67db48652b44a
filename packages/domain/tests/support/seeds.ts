import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The legal texts the catalog cites (copies in data/seeds). Only tests read them; the service never does. */
const SEEDS_DIR = fileURLToPath(new URL('../../data/seeds/', import.meta.url));

/** Each seed's lines as `sed -n 'A,Bp'` numbers them (1-based; a final newline does not start a line). */
export const seedLines: ReadonlyMap<string, readonly string[]> = new Map(
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
      const lines = text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      return [f, lines] as const;
    }),
);

export const seedLineCounts: ReadonlyMap<string, number> = new Map([...seedLines].map(([f, lines]) => [f, lines.length]));

/** Decree 1130 (Kazakh), the seed most fidelity fixes follow. */
export const SEED_002 = '002_f7d4db21a964058d.txt';

/**
 * The seeds are PDF extractions: words are broken across lines and letters spaced out ("к ө ш і р м е с і"),
 * and Latin "i" stands in for Kazakh "і". Compare text with all whitespace removed, lower-cased, "i" folded to "і".
 */
export const squash = (s: string): string => s.replace(/\s+/g, '').replaceAll('i', 'і').toLowerCase();

/** The squashed text of a citation (or of a seed and line range). */
export function cited(c: { seed: string; lines: readonly [number, number] }): string {
  const lines = seedLines.get(c.seed);
  if (!lines) throw new Error(`no seed ${c.seed}`);
  return squash(lines.slice(c.lines[0] - 1, c.lines[1]).join('\n'));
}

/** The squashed text of lines `from`-`to` of seed 002. */
export const lines002 = (from: number, to: number): string => cited({ seed: SEED_002, lines: [from, to] });
