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
  // [first line, last line, service] of "қызмет түрiне лицензия беруге өтiнiш берiлген жағдайда ... лицензиялық алым енгiзiлме…"
  const table: Array<[number, number, string]> = [
    [2643, 2644, 'mining-chemical-licence'],
    [3468, 3469, 'poisons-licence'],
    [4285, 4286, 'weapons-licence'],
    [5169, 5170, 'explosives-licence'],
    [6105, 6106, 'munitions-destruction-licence'],
    [6877, 6878, 'export-import-licence'],
    [7883, 7884, 'scrap-metal-licence'],
  ];

  it.each(table)('002 lines %i-%i (%s): only an application for the licence (ISSUE) can be refused for an unpaid licence fee', (from, to, code) => {
    const text = lines002(from, to);
    expect(text).toContain(squash('лицензия беруге өтiнiш берiлген жағдайда'));
    expect(text).toContain(squash('лицензиялық алым енгiзiлме'));

    const ground = entry(code).refusalGrounds.find((g) => g.code === 'FEE_NOT_PAID')!;
    expect(ground.source).toEqual({ seed: SEED_002, lines: [from, to] });
    expect(ground.actions).toEqual(['ISSUE']);
    for (const part of ground.text.original.split('...')) expect(text, `quoted "${part.trim()}"`).toContain(squash(part));

    expect(groundsFor(code, 'ISSUE')).toContain('FEE_NOT_PAID');
    for (const other of entry(code)
      .actions.map((a) => a.kind)
      .filter((k) => k !== 'ISSUE')) {
      expect(groundsFor(code, other), `${code} ${other}`).not.toContain('FEE_NOT_PAID');
    }
  });

  it('002: the other para-16 grounds name no action, so they stay open to every action', () => {
    for (const [, , code] of table) {
      const scoped = entry(code)
        .refusalGrounds.filter((g) => g.actions !== null)
        .map((g) => g.code);
      expect(scoped, code).toEqual(['FEE_NOT_PAID']);
    }
  });
});

describe('the processing permit takes identity, registrations and tax registration from state systems on every channel (002 para 11)', () => {
  const permit = () => entry('processing-outside-customs-permit').actions.find((a) => a.kind === 'PERMIT')!;
  const STATE_SYSTEM_FACTS = ['legal-entity-registration', 'identity', 'entrepreneur-registration', 'tax-registration'];

  it('002 lines 642-661: the office/PSC list names the certificates and the identity-document copy', () => {
    const list = lines002(642, 661);
    for (const words of [
      'заңды тұлға ретінде мемлекеттік тіркеу',
      'жеке басын куәландыратын құжаттың көшірмесі',
      'дара кәсіпкер ретінде мемлекеттік',
      'салық органында есепке қою туралы куәлік',
    ]) {
      expect(list).toContain(squash(words));
    }
  });

  it('002 lines 679-684: the sentence right after that list says the authority takes their data from state systems, so an office or PSC applicant is asked for no copy', () => {
    const sentence = lines002(679, 684);
    for (const words of [
      'жеке басты куәландыратын құжаттардың',
      'мемлекеттік тіркеу туралы куәліктің',
      'салық органында есепке қою туралы куәліктің',
      'уәкілетті орган',
      'мемлекеттік ақпараттық жүйелерден',
      'Орталықтың ақпараттық жүйесі арқылы алады',
    ]) {
      expect(sentence).toContain(squash(words));
    }
    for (const id of STATE_SYSTEM_FACTS) {
      const doc = permit().documents.find((d) => d.id === id)!;
      expect(doc.channels, id).toEqual(['OFFICE', 'PORTAL']);
      expect(doc.seedSays, id).toBe('STATE_SYSTEM');
      expect(doc.source, id).toEqual({ seed: SEED_002, lines: [679, 684] });
      expect(doc.alsoListedAt, id).toEqual({ seed: SEED_002, lines: [705, 713] });
    }
    expect(cited({ seed: SEED_002, lines: [705, 713] })).toContain(squash('салық органында есепке қою туралы куәліктің мәліметтерін'));
  });

  it('002 lines 679-684: nothing the authority takes itself is an office upload, as in chemical-products registration (002 lines 9231-9236)', () => {
    // The list's own items come back only as degraded-mode scans, asked while the registry cannot be read.
    const asked = permit().documents.filter((d) => d.channels.includes('OFFICE') && d.supply === 'ATTACH' && !d.standsInFor?.onlyWhenRegistryDown);
    const officeUploads = asked.map((d) => d.id);
    expect(officeUploads).toEqual(['application', 'processing-contract', 'processing-conditions-document', 'information-form']);
    const chemical = entry('chemical-products-registration').actions.find((a) => a.kind === 'REGISTRATION')!;
    for (const [permitDoc, chemicalDoc] of [
      ['identity', 'identity'],
      ['legal-entity-registration', 'legal-entity-registration'],
    ] as const) {
      const p = permit().documents.find((d) => d.id === permitDoc)!;
      const c = chemical.documents.find((d) => d.id === chemicalDoc)!;
      expect([p.channels, p.supply, p.registryFact]).toEqual([c.channels, c.supply, c.registryFact]);
    }
    expect(permit().documents.find((d) => d.id === 'tax-registration')).toMatchObject({ supply: 'AUTHORITY', registry: null });
  });
});

describe('the transit permit serves whom its para 6 names (002 lines 216-217)', () => {
  const transit = () => entry('export-control-transit-permit');

  it('002 lines 216-217: recipients are individuals and legal entities, as the cited paragraph says', () => {
    const para6 = lines002(216, 217);
    expect(para6).toContain(squash('жеке және заңды тұлғаларға'));
    expect(para6).not.toContain(squash('шетел'));
    expect(transit().recipientsSource).toEqual({ seed: SEED_002, lines: [216, 217] });
    expect(transit().recipients).toEqual(['INDIVIDUAL', 'LEGAL_ENTITY']);
    expect(catalog.filter({ recipient: 'FOREIGN_STATE_BODY' })).toEqual([]);
  });

  it('002 lines 292-295: a foreign state body stays an applicant variant that is spared items 2), 4), 6) and 7)', () => {
    expect(lines002(292, 295)).toContain(squash('шетел мемлекетiнiң мемлекеттiк органы өтiнiм берушi болып әрекет'));
    const docs = transit().actions[0]!.documents;
    const forForeignBody = docs.filter((d) => d.appliesTo === null || d.appliesTo.includes('FOREIGN_STATE_BODY')).map((d) => d.id);
    expect(forForeignBody).toEqual(['application', 'export-permission', 'supply-contract', 'physical-protection', 'consignor-consent', 'route-agreement']);
    expect(transit().forms.find((f) => f.id === 'appendix-1-application')!.appliesTo).toContain('FOREIGN_STATE_BODY');
  });
});

describe('the processing permit is named after its own title (002 lines 543-544)', () => {
  const names = () => entry('processing-outside-customs-permit').names;

  it('002 lines 543-544: the Kazakh name is the title, and it says "outside the territory", not "outside the customs territory"', () => {
    const title = lines002(543, 544);
    expect(names().source).toEqual({ seed: SEED_002, lines: [543, 544] });
    expect(title).toContain(squash(names().kk));
    expect(title).not.toContain(squash('кеден'));
    expect(lines002(552, 553)).toContain(squash(names().kk)); // para 1 repeats it
  });

  it('002 lines 543-544: the Russian and English names render that same title (no "customs"), while the decree list (002 lines 24-25) still says customs territory', () => {
    expect(lines002(24, 25)).toContain(squash('кеден аумағынан тыс жерде қайта'));
    expect(names().ru).toBe('Выдача разрешения на переработку продукции вне территории Республики Казахстан');
    expect(names().ru).not.toMatch(/таможен/);
    expect(names().en).not.toMatch(/customs/i);
    expect(names().ruSource).toBe('DOMAIN_NOTES');
  });
});
