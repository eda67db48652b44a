import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import { CatalogEntry, type Citation, type DocumentChannel, PAPER_CHANNELS, PORTAL_CHANNELS, type Recipient, type ServiceChannel } from './schema.js';

/** data/catalog/ of this package, wherever the package is checked out. */
export const DEFAULT_CATALOG_DIR = new URL('../../data/catalog/', import.meta.url);

export interface LoadCatalogOptions {
  /**
   * Line counts of the seed files, by file name. When given, every citation must lie inside its seed file.
   * The service itself never reads the seeds (they are not deployed); tests read them and pass the counts in.
   */
  seedLineCounts?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** Every problem found in the catalog, one per line as "file: path: message". */
export class CatalogError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The service catalog is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

export interface CatalogFilter {
  /** Services this kind of applicant may use. An individual entrepreneur is an individual in RK law, so services for individuals match too. */
  recipient?: Recipient;
  /** true: services with a portal channel (e.gov.kz or elicense.kz); false: paper only. */
  online?: boolean;
  /** true: services with a fee of any kind; false: free ones. */
  paid?: boolean;
}

export const isOnline = (entry: CatalogEntry): boolean => entry.channels.some((c) => PORTAL_CHANNELS.includes(c));
export const isPaid = (entry: CatalogEntry): boolean => entry.fee.kind !== 'FREE';
export const servesRecipient = (entry: CatalogEntry, recipient: Recipient): boolean =>
  entry.recipients.includes(recipient) || (recipient === 'INDIVIDUAL_ENTREPRENEUR' && entry.recipients.includes('INDIVIDUAL'));

/** The public-service catalog: validated entries, sorted by code. */
export class Catalog {
  readonly #entries: readonly CatalogEntry[];
  readonly #byCode: ReadonlyMap<string, CatalogEntry>;

  constructor(entries: readonly CatalogEntry[]) {
    this.#entries = [...entries].sort((a, b) => a.code.localeCompare(b.code));
    this.#byCode = new Map(this.#entries.map((e) => [e.code, e]));
  }

  get size(): number {
    return this.#entries.length;
  }

  all(): readonly CatalogEntry[] {
    return this.#entries;
  }

  byCode(code: string): CatalogEntry | undefined {
    return this.#byCode.get(code);
  }

  filter(filter: CatalogFilter = {}): CatalogEntry[] {
    return this.#entries.filter(
      (e) =>
        (filter.recipient === undefined || servesRecipient(e, filter.recipient)) &&
        (filter.online === undefined || isOnline(e) === filter.online) &&
        (filter.paid === undefined || isPaid(e) === filter.paid),
    );
  }
}

export interface LocatedCitation {
  /** Where in the entry, e.g. "actions[0].documents[2].source". */
  path: string;
  citation: Citation;
}

/** Every citation of an entry (or of any part of one), with its path. */
export function citationsOf(value: unknown, path = ''): LocatedCitation[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citationsOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const found: LocatedCitation[] = [];
  if (typeof record.seed === 'string' && Array.isArray(record.lines)) found.push({ path, citation: record as unknown as Citation });
  for (const [key, v] of Object.entries(record)) {
    if (key !== 'lines') found.push(...citationsOf(v, path ? `${path}.${key}` : key));
  }
  return found;
}

const DOCUMENT_CHANNEL_NEEDS: Readonly<Record<DocumentChannel, readonly ServiceChannel[]>> = {
  OFFICE: PAPER_CHANNELS,
  PORTAL: PORTAL_CHANNELS,
};

/** Rules that need the whole entry after it parsed, or the seeds: problems as [path, message]. */
function crossCheck(entry: CatalogEntry, seedLines: ((seed: string) => number | undefined) | undefined): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  entry.actions.forEach((action, a) => {
    action.documents.forEach((doc, d) => {
      for (const channel of doc.channels) {
        if (!DOCUMENT_CHANNEL_NEEDS[channel].some((c) => entry.channels.includes(c))) {
          problems.push([
            `actions[${a}].documents[${d}].channels`,
            `document "${doc.id}" is listed for ${channel}, but the service has no ${DOCUMENT_CHANNEL_NEEDS[channel].join('/')} channel`,
          ]);
        }
      }
    });
  });
  if (seedLines) {
    for (const { path, citation } of citationsOf(entry)) {
      const length = seedLines(citation.seed);
      const [from, to] = citation.lines;
      if (length === undefined) problems.push([path, `cites unknown seed ${citation.seed}`]);
      else if (to > length) problems.push([path, `cites lines ${from}-${to} but ${citation.seed} has ${length} lines`]);
    }
  }
  return problems;
}

const formatPath = (path: readonly (string | number)[]): string =>
  path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '') || '(entry)';

/**
 * Reads every *.json of the catalog directory, validates each entry and the rules between entries,
 * and throws one CatalogError listing every problem (file, path, message) if anything is wrong.
 */
export function loadCatalog(dir: URL = DEFAULT_CATALOG_DIR, options: LoadCatalogOptions = {}): Catalog {
  const counts = options.seedLineCounts;
  const seedLines =
    counts === undefined ? undefined : counts instanceof Map ? (s: string) => counts.get(s) : (s: string) => (counts as Record<string, number>)[s];

  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const filesOfCode = new Map<string, string[]>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) problems.push(`${dir.pathname}: no catalog files`);

  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    } catch (error) {
      problems.push(`${file}: (file): not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const rawCode = (raw as { code?: unknown } | null)?.code;
    if (typeof rawCode === 'string') filesOfCode.set(rawCode, [...(filesOfCode.get(rawCode) ?? []), file]);
    const parsed = CatalogEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of (parsed.error as z.ZodError).issues) problems.push(`${file}: ${formatPath(issue.path)}: ${issue.message}`);
      continue;
    }
    const entry = parsed.data;
    const expected = `${entry.code}.json`;
    if (basename(file) !== expected) problems.push(`${file}: code: the file of "${entry.code}" must be named ${expected}`);
    for (const [path, message] of crossCheck(entry, seedLines)) problems.push(`${file}: ${path}: ${message}`);
    entries.push(entry);
  }

  for (const [code, owners] of filesOfCode) {
    if (owners.length < 2) continue;
    for (const file of owners) problems.push(`${file}: code: "${code}" is also the code of ${owners.filter((f) => f !== file).join(', ')}`);
  }

  if (problems.length > 0) throw new CatalogError(problems);
  return new Catalog(entries);
}
