import { describe, expect, it } from 'vitest';
import { type ActionKind, type CatalogEntry, DEFAULT_CATALOG_DIR, loadCatalog } from '../src/catalog/index.js';
import { cited, lines002, SEED_002, seedLineCounts, squash } from './support/seeds.js';

/**
 * Fixes of the line-by-line audit (issue 15, item 1). Each test names the seed lines it follows and reads
 * them, so it fails if the data or its citation drifts from the text.
 */

const catalog = loadCatalog(DEFAULT_CATALOG_DIR, { seedLineCounts });
const entry = (code: string): CatalogEntry => {
  const found = catalog.byCode(code);
  if (!found) throw new Error(`no service ${code}`);
  return found;
};
/** The refusal grounds an officer may cite when deciding this action. */
const groundsFor = (code: string, kind: ActionKind) =>
  entry(code)
    .refusalGrounds.filter((g) => g.actions === null || g.actions.includes(kind))
    .map((g) => g.code);

describe('the licence-fee refusal ground of the seven decree-1130 licences (para 16, sub-para 2)', () => {
  // [service, first line, last line] of "қызмет түрiне лицензия беруге өтiнiш берiлген жағдайда ... лицензиялық алым енгiзiлме…"
  const table: Array<[string, number, number]> = [
    ['mining-chemical-licence', 2643, 2644],
    ['poisons-licence', 3468, 3469],
    ['weapons-licence', 4285, 4286],
    ['explosives-licence', 5169, 5170],
    ['munitions-destruction-licence', 6105, 6106],
    ['export-import-licence', 6877, 6878],
    ['scrap-metal-licence', 7883, 7884],
  ];

  it.each(table)('002 lines %s %i-%i: only an application for the licence (ISSUE) can be refused for an unpaid licence fee', (code, from, to) => {
    const text = lines002(from, to);
    expect(text).toContain(squash('лицензия беруге өтiнiш берiлген жағдайда'));
    expect(text).toContain(squash('лицензиялық алым енгiзiлме'));

    const ground = entry(code).refusalGrounds.find((g) => g.code === 'FEE_NOT_PAID')!;
    expect(ground.source).toEqual({ seed: SEED_002, lines: [from, to] });
    expect(ground.actions).toEqual(['ISSUE']);
    for (const part of ground.text.original.split('...')) expect(text, `quoted "${part.trim()}"`).toContain(squash(part));

    expect(groundsFor(code, 'ISSUE')).toContain('FEE_NOT_PAID');
    for (const other of entry(code).actions.map((a) => a.kind).filter((k) => k !== 'ISSUE')) {
      expect(groundsFor(code, other), `${code} ${other}`).not.toContain('FEE_NOT_PAID');
    }
  });

  it('002: the other para-16 grounds name no action, so they stay open to every action', () => {
    for (const [code] of table) {
      const scoped = entry(code).refusalGrounds.filter((g) => g.actions !== null).map((g) => g.code);
      expect(scoped, code).toEqual(['FEE_NOT_PAID']);
    }
  });
});
