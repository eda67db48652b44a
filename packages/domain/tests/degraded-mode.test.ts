import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Action,
  type CatalogDocument,
  type CatalogEntry,
  CatalogError,
  DEFAULT_CATALOG_DIR,
  loadCatalog,
  type RegistryFact,
} from '../src/catalog/index.js';
import { cited, seedLineCounts, squash } from './support/seeds.js';

/**
 * Degraded mode (issue 15, item 2): while a registry cannot be read, a draft offers, as scans, the documents the
 * standard lists for the office/PSC channel in place of the registry's facts. The catalog records which office
 * document stands in for which registry document (standsInFor); these tests hold that mapping to the seeds.
 */

const catalog = loadCatalog(DEFAULT_CATALOG_DIR, { seedLineCounts });
const S001 = '001_b10daefcd31705e3.txt';
const S002 = '002_f7d4db21a964058d.txt';

/**
 * Where each standard's para 11 lists the documents for the authority's office (or a PSC) and for the portal,
 * read from the seeds: [seed, office list from-to, portal list from-to], per action where the lists differ.
 */
type Lists = { seed: string; office: [number, number]; portal: [number, number] };
const LISTS: Record<string, Lists | Record<string, Lists>> = {
  'state-symbols-licence': { seed: S001, office: [568, 597], portal: [598, 627] },
  'expert-auditor-attestation': {
    ATTESTATION: { seed: S001, office: [129, 143], portal: [144, 163] },
    QUALIFICATION_ATTESTATION: { seed: S001, office: [164, 176], portal: [177, 190] },
  },
  'processing-outside-customs-permit': { seed: S002, office: [644, 684], portal: [685, 713] },
  'mining-chemical-licence': { seed: S002, office: [2484, 2551], portal: [2552, 2589] },
  'poisons-licence': { seed: S002, office: [3312, 3380], portal: [3381, 3417] },
  'weapons-licence': { seed: S002, office: [4121, 4194], portal: [4195, 4236] },
  'explosives-licence': { seed: S002, office: [5013, 5083], portal: [5084, 5118] },
  'munitions-destruction-licence': { seed: S002, office: [5952, 6018], portal: [6019, 6053] },
  'export-import-licence': { seed: S002, office: [6743, 6797], portal: [6798, 6826] },
  'scrap-metal-licence': { seed: S002, office: [7760, 7807], portal: [7808, 7835] },
  'chemical-products-registration': { seed: S002, office: [9217, 9236], portal: [9237, 9259] },
};
const listsOf = (code: string, kind: string): Lists => {
  const lists = LISTS[code];
  if (!lists) throw new Error(`no document lists recorded for ${code}`);
  return 'seed' in lists ? (lists as Lists) : (lists as Record<string, Lists>)[kind]!;
};
const inside = (lines: readonly [number, number], span: readonly [number, number]) => lines[0] >= span[0] && lines[1] <= span[1];

/** Words that name a legal entity's registration and nothing else. */
const LEGAL_ENTITY_OWN = [
  'заңды тұлға ретінде мемлекеттік тіркеу',
  'заңды тұлғаны мемлекеттік тіркеу',
  'заңды тұлғаларды мемлекеттік тіркеу',
  'регистрации (перерегистрации) юридического лица',
  'государственную регистрацию юридического лица',
];
/** Words that name each fact in an office-list item, a portal item or a state-systems sentence (Kazakh or Russian, as the seed has it). */
const NAMES_FACT: Record<RegistryFact, string[]> = {
  IDENTITY_DOCUMENT: [
    'жеке басын куәландыратын',
    'жеке басты куәландыратын',
    'жеке басының куәлігі',
    'удостоверяющего личность',
    'удостоверяющий личность',
    'удостоверяющих личность',
  ],
  // The state-systems sentence of the processing permit says only "the state registration certificate" (002 lines 679-684).
  LEGAL_ENTITY_REGISTRATION: [...LEGAL_ENTITY_OWN, 'мемлекеттік тіркеу туралы куәлік'],
  ENTREPRENEUR_REGISTRATION: [
    'дара кәсіпкер ретінде',
    'мемлекеттік тіркеу туралы куәлік',
    'качестве индивидуального предпринимателя',
    'индивидуального предпринимателя',
  ],
  FEE_PAYMENT: ['лицензиялық алым', 'лицензионного сбора'],
  LICENCE: ['лицензия', 'лицензии'],
};
const namesFact = (text: string, fact: RegistryFact) => NAMES_FACT[fact].some((w) => text.includes(squash(w)));

const rows = catalog.all().flatMap((e) => e.actions.flatMap((a) => a.documents.map((d) => ({ e, a, d }))));
const substitutes = rows.filter(({ d }) => d.standsInFor !== null);
const where = (e: CatalogEntry, a: Action, d: CatalogDocument) => `${e.code} ${a.kind} ${d.id}`;

describe('each substitute is a document the standard lists for the office/PSC channel', () => {
  it('there are substitutes in every online service that reads a registry, and none elsewhere', () => {
    expect(substitutes.length).toBeGreaterThan(40);
    const withSubstitutes = [...new Set(substitutes.map(({ e }) => e.code))].sort();
    expect(withSubstitutes).toEqual(Object.keys(LISTS).sort());
    for (const code of withSubstitutes)
      expect(
        catalog.byCode(code)!.channels.some((c) => c === 'EGOV_PORTAL' || c === 'ELICENSE_PORTAL'),
        code,
      ).toBe(true);
  });

  it('its own citation lies inside the office list of its standard and names the fact it stands in for', () => {
    for (const { e, a, d } of substitutes) {
      const lists = listsOf(e.code, a.kind);
      expect(d.source.seed, where(e, a, d)).toBe(lists.seed);
      expect(inside(d.source.lines, lists.office), `${where(e, a, d)} ${d.source.lines.join('-')} outside the office list ${lists.office.join('-')}`).toBe(
        true,
      );
      expect(namesFact(cited(d.source), d.registryFact!), `${where(e, a, d)}: "${cited(d.source)}" does not name ${d.registryFact}`).toBe(true);
      expect(d).toMatchObject({ supply: 'ATTACH', seedSays: 'APPLICANT' });
      expect(d.channels, where(e, a, d)).toContain('OFFICE');
    }
  });

  it('the lines that tie it to the registry document name the same fact, in the portal list or a state-systems sentence', () => {
    for (const { e, a, d } of substitutes) {
      const tie = d.standsInFor!.source;
      const lists = listsOf(e.code, a.kind);
      expect(tie.seed, where(e, a, d)).toBe(lists.seed);
      expect(inside(tie.lines, [lists.office[0], lists.portal[1]]), where(e, a, d)).toBe(true);
      expect(namesFact(cited(tie), d.registryFact!), `${where(e, a, d)}: "${cited(tie)}"`).toBe(true);
    }
  });

  it('it replaces portal REGISTRY documents of the same action holding the same fact for the same applicants', () => {
    for (const { e, a, d } of substitutes) {
      for (const id of d.standsInFor!.documents) {
        const target = a.documents.find((t) => t.id === id)!;
        expect(target, `${where(e, a, d)} -> ${id}`).toMatchObject({ supply: 'REGISTRY', registryFact: d.registryFact, registry: d.registry });
        expect(target.channels, `${where(e, a, d)} -> ${id}`).toContain('PORTAL');
        expect(target.appliesTo, `${where(e, a, d)} -> ${id}`).toEqual(d.appliesTo);
      }
    }
  });
});

describe('what a draft can offer while a registry is down, per service, action and registry document', () => {
  /** For every portal REGISTRY document: the office documents that stand in for it ([] = the standard offers none). */
  const offered = new Map<string, string[]>();
  for (const e of catalog.all()) {
    for (const a of e.actions) {
      for (const r of a.documents.filter((d) => d.supply === 'REGISTRY' && d.channels.includes('PORTAL'))) {
        offered.set(
          `${e.code} ${a.kind} ${r.id}`,
          a.documents.filter((d) => d.standsInFor?.documents.includes(r.id)).map((d) => d.id),
        );
      }
    }
  }
  const gaps = [...offered]
    .filter(([, ids]) => ids.length === 0)
    .map(([key]) => key)
    .sort();

  it('a decree-1130 licence applicant gets a scan for identity, entrepreneur registration, fee and licence', () => {
    expect(offered.get('mining-chemical-licence ISSUE identity')).toEqual(['identity-document']);
    expect(offered.get('mining-chemical-licence ISSUE entrepreneur-registration')).toEqual(['entrepreneur-registration-copy']);
    expect(offered.get('mining-chemical-licence ISSUE fee-payment')).toEqual(['fee-payment-copy']);
    expect(offered.get('mining-chemical-licence ANNEX licence')).toEqual(['licence-copy']);
    expect(offered.get('mining-chemical-licence REISSUE licence')).toEqual(['licence-copy']);
    expect(offered.get('state-symbols-licence ISSUE representative-identity')).toEqual(['representative-identity-copy']);
  });

  it('the processing permit and chemical registration offer the items of their office lists, asked only while the registry is down', () => {
    expect(offered.get('processing-outside-customs-permit PERMIT identity')).toEqual(['identity-document-copy']);
    expect(offered.get('chemical-products-registration REREGISTRATION legal-entity-registration')).toEqual(['legal-entity-registration-reference']);
    const fallbacks = substitutes.filter(({ d }) => d.standsInFor!.onlyWhenRegistryDown);
    expect([...new Set(fallbacks.map(({ e }) => e.code))].sort()).toEqual(['chemical-products-registration', 'processing-outside-customs-permit']);
    for (const { e, a, d } of fallbacks) {
      expect(d.condition, where(e, a, d)).toMatch(/^Degraded mode only/);
      for (const id of d.standsInFor!.documents) expect(a.documents.find((t) => t.id === id)!.channels, where(e, a, d)).toContain('OFFICE');
    }
  });

  it('where the office list has no such document, the standard offers nothing, and the catalog invents nothing', () => {
    const licencesIssue = [
      'explosives-licence',
      'export-import-licence',
      'mining-chemical-licence',
      'munitions-destruction-licence',
      'poisons-licence',
      'weapons-licence',
    ];
    expect(gaps).toEqual(
      [
        ...licencesIssue.map((c) => `${c} ISSUE legal-entity-registration`),
        'scrap-metal-licence ISSUE identity',
        'scrap-metal-licence ISSUE legal-entity-registration',
      ].sort(),
    );
    // The office lists of those standards name the charter, never the legal entity's registration, and scrap names no identity document.
    for (const code of [...licencesIssue, 'scrap-metal-licence']) {
      const { seed, office } = listsOf(code, 'ISSUE');
      const list = cited({ seed, lines: office });
      expect(
        LEGAL_ENTITY_OWN.filter((w) => list.includes(squash(w))),
        code,
      ).toEqual([]);
      expect(list, code).toContain(squash('жарғы')); // the charter, which is no registration
    }
    const scrap = listsOf('scrap-metal-licence', 'ISSUE');
    expect(namesFact(cited({ seed: scrap.seed, lines: scrap.office }), 'IDENTITY_DOCUMENT')).toBe(false);
  });
});

describe('the catalog rejects a substitute that does not fit', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const problemsOf = (code: string, edit: (entry: any) => void) => {
    const raw = JSON.parse(readFileSync(new URL(`${code}.json`, DEFAULT_CATALOG_DIR), 'utf8'));
    edit(raw);
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    dirs.push(dir);
    writeFileSync(join(dir, `${code}.json`), JSON.stringify(raw));
    try {
      loadCatalog(pathToFileURL(`${dir}/`));
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return (error as CatalogError).problems;
    }
    return [];
  };
  const doc = (entry: any, kind: string, id: string) => entry.actions.find((a: any) => a.kind === kind).documents.find((d: any) => d.id === id);

  it('one that points at a document holding another fact, or at an attachment', () => {
    expect(
      problemsOf('mining-chemical-licence', (e) => {
        doc(e, 'ISSUE', 'identity-document').standsInFor.documents = ['fee-payment'];
        doc(e, 'ISSUE', 'fee-payment-copy').standsInFor.documents = ['charter-copy'];
      }),
    ).toEqual([
      'mining-chemical-licence.json: actions[0].documents[2].standsInFor.documents[0]: "fee-payment" holds FEE_PAYMENT, not IDENTITY_DOCUMENT',
      'mining-chemical-licence.json: actions[0].documents[2].standsInFor.documents[0]: "fee-payment" applies to other applicants than "identity-document"',
      'mining-chemical-licence.json: actions[0].documents[5].standsInFor.documents[0]: "charter-copy" is not a REGISTRY document',
      'mining-chemical-licence.json: actions[0].documents[5].standsInFor.documents[0]: "charter-copy" holds null, not FEE_PAYMENT',
      'mining-chemical-licence.json: actions[0].documents[5].standsInFor.documents[0]: "charter-copy" applies to other applicants than "fee-payment-copy"',
      'mining-chemical-licence.json: actions[0].documents[5].standsInFor.onlyWhenRegistryDown: the registry document is read at the office too, so the scan is asked only when the registry is down',
    ]);
  });

  it('one that is not on the office list, or says it is asked always when the registry is read at the office too', () => {
    expect(
      problemsOf('processing-outside-customs-permit', (e) => {
        doc(e, 'PERMIT', 'identity-document-copy').channels = ['PORTAL'];
        doc(e, 'PERMIT', 'entrepreneur-registration-copy').standsInFor.onlyWhenRegistryDown = false;
      }),
    ).toEqual([
      "processing-outside-customs-permit.json: actions[0].documents[4].standsInFor: a substitute must be a document of the standard's office/PSC list",
      'processing-outside-customs-permit.json: actions[0].documents[6].standsInFor.onlyWhenRegistryDown: the registry document is read at the office too, so the scan is asked only when the registry is down',
    ]);
  });
});
