import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ActionKind,
  type CatalogEntry,
  CatalogError,
  citationsOf,
  DEFAULT_CATALOG_DIR,
  type DeadlineUnit,
  type FeeKind,
  loadCatalog,
  type RegistryFact,
} from '../src/catalog/index.js';

/** The legal texts the catalog cites (copies in data/seeds). Only tests read them; the service never does. */
const SEEDS_DIR = fileURLToPath(new URL('../data/seeds/', import.meta.url));

/** A seed's lines as `sed -n 'A,Bp'` numbers them (1-based; a final newline does not start a line). */
const seedLines = new Map<string, string[]>(
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
      const lines = text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      return [f, lines] as const;
    }),
);
const seedLineCounts = new Map([...seedLines].map(([f, lines]) => [f, lines.length]));

/**
 * The seeds are PDF extractions: words are broken across lines and letters spaced out ("к ө ш і р м е с і"),
 * and Latin "i" stands in for Kazakh "і". Compare text with all whitespace removed, lower-cased, "i" folded to "і".
 */
const squash = (s: string) => s.replace(/\s+/g, '').replaceAll('i', 'і').toLowerCase();
const cited = (c: { seed: string; lines: readonly [number, number] }) => squash((seedLines.get(c.seed) ?? []).slice(c.lines[0] - 1, c.lines[1]).join('\n'));

const catalog = loadCatalog(DEFAULT_CATALOG_DIR, { seedLineCounts });
const entry = (code: string): CatalogEntry => {
  const found = catalog.byCode(code);
  if (!found) throw new Error(`no service ${code}`);
  return found;
};
const actionOf = (code: string, kind: ActionKind) => {
  const found = entry(code).actions.find((a) => a.kind === kind);
  if (!found) throw new Error(`${code} has no ${kind}`);
  return found;
};

const FROM_000_001 = [
  'expert-auditor-attestation',
  'standards-registration',
  'measuring-instrument-type-approval',
  'metrological-attestation',
  'state-symbols-licence',
];
const FROM_002 = [
  'export-control-transit-permit',
  'processing-outside-customs-permit',
  'mining-chemical-licence',
  'poisons-licence',
  'weapons-licence',
  'explosives-licence',
  'munitions-destruction-licence',
  'export-import-licence',
  'scrap-metal-licence',
  'chemical-products-registration',
  'precious-metals-special-registration',
  'precious-metals-processing-conclusion',
  'precious-metals-extraction-conclusion',
];

describe('the service catalog', () => {
  it('holds 18 services: the five standards of decree 1129 with content and the thirteen of decree 1130', () => {
    expect(catalog.size).toBe(18);
    expect(catalog.all().map((e) => e.code)).toEqual([...FROM_000_001, ...FROM_002].sort());
  });

  it('takes the two standards re-stated by decree 587 from the Russian text of 001, noting the Kazakh 000 text they supersede', () => {
    for (const code of ['expert-auditor-attestation', 'state-symbols-licence']) {
      expect(entry(code).source.seed).toBe('001_b10daefcd31705e3.txt');
      expect(entry(code).supersedes?.seed).toBe('000_28a95ebfd236b249.txt');
      expect(entry(code).names.ruSource).toBe('SEED');
    }
    for (const code of ['standards-registration', 'measuring-instrument-type-approval', 'metrological-attestation']) {
      expect(entry(code).source.seed).toBe('000_28a95ebfd236b249.txt');
      expect(entry(code).supersedes).toBeNull();
    }
    for (const code of FROM_002) expect(entry(code).source.seed).toBe('002_f7d4db21a964058d.txt');
  });

  it('records that every decree was repealed', () => {
    for (const e of catalog.all()) {
      expect(e.inForce, e.code).toBe(false);
      expect(e.repealedBy?.act, e.code).toMatch(/No\. 1(55|75) of/);
    }
  });

  it("keeps every citation inside the service's own standard, except the repeal note, the superseded text and the regulations", () => {
    for (const e of catalog.all()) {
      const [from, to] = e.source.lines;
      for (const { path, citation } of citationsOf(e)) {
        if (/^(repealedBy|supersedes|processSteps)/.test(path)) continue;
        expect(citation.seed, `${e.code} ${path}`).toBe(e.source.seed);
        expect(citation.lines[0] >= from && citation.lines[1] <= to, `${e.code} ${path} ${citation.lines.join('-')} outside ${from}-${to}`).toBe(true);
      }
      for (const s of e.processSteps) expect(s.source.seed, e.code).toBe('003_64870a318f113737.txt');
    }
  });
});

describe('the State Flag and Emblem licence (decree 587, 001)', () => {
  const flag = entry('state-symbols-licence');

  it('is issued in 15 working days, reissued in 10, duplicated in 2, for individuals and legal entities, for the licence fee', () => {
    expect(flag.actions.map((a) => [a.kind, a.deadline.value, a.deadline.unit])).toEqual([
      ['ISSUE', 15, 'WORKING_DAYS'],
      ['REISSUE', 10, 'WORKING_DAYS'],
      ['DUPLICATE', 2, 'WORKING_DAYS'],
    ]);
    expect(flag.recipients).toEqual(['INDIVIDUAL', 'LEGAL_ENTITY']);
    expect(flag.fee).toMatchObject({ kind: 'LICENCE_FEE', paidVia: 'PSHEP', amountMrp: null });
    expect(flag.licenceActivity).toBe('state-symbols-licence');
  });

  it('takes identity, registrations and the fee from registries on the portal, where the portal list still names copies', () => {
    const portal = actionOf('state-symbols-licence', 'ISSUE').documents.filter((d) => d.channels.includes('PORTAL') && d.supply === 'REGISTRY');
    expect(portal.map((d) => [d.registry, d.registryFact])).toEqual(
      expect.arrayContaining([
        ['individuals', 'IDENTITY_DOCUMENT'],
        ['legal-entities', 'LEGAL_ENTITY_REGISTRATION'],
        ['individuals', 'ENTREPRENEUR_REGISTRATION'],
        ['payments', 'FEE_PAYMENT'],
      ]),
    );
    expect(portal.find((d) => d.registryFact === 'LEGAL_ENTITY_REGISTRATION')?.alsoListedAt?.lines).toEqual([602, 603]);
    expect(flag.notes.some((n) => n.startsWith('Contradiction'))).toBe(true);
  });

  it('keeps the reissue licence scan as an attachment the licensing registry already holds', () => {
    const scan = actionOf('state-symbols-licence', 'REISSUE').documents.find((d) => d.id === 'licence-scan')!;
    expect(scan).toMatchObject({ supply: 'ATTACH', channels: ['PORTAL'], registry: 'licensing', registryFact: 'LICENCE' });
  });

  it('has no silent consent and lists duplicate documents for the office only', () => {
    expect(flag.actions.every((a) => !a.deadline.deemedIssuedIfSilent)).toBe(true);
    expect(actionOf('state-symbols-licence', 'DUPLICATE').documents.every((d) => d.channels.join() === 'OFFICE')).toBe(true);
  });

  it('gets its process steps from regulation 6 of order 509, on the portal and at the desk', () => {
    expect(flag.processSteps.filter((s) => s.flow === 'PORTAL')).toHaveLength(12);
    expect(flag.processSteps.filter((s) => s.flow === 'OFFICE')).toHaveLength(9);
    expect(flag.processSteps.every((s) => s.source.seed === '003_64870a318f113737.txt')).toBe(true);
  });
});

describe('the scrap-metal licence (decree 1130, standard 9)', () => {
  const scrap = entry('scrap-metal-licence');

  it('is for legal entities only and is deemed issued if the authority is silent past the deadline', () => {
    expect(scrap.recipients).toEqual(['LEGAL_ENTITY']);
    const issue = actionOf('scrap-metal-licence', 'ISSUE');
    expect(issue.deadline).toMatchObject({ value: 15, unit: 'WORKING_DAYS', deemedIssuedIfSilent: true });
    expect(issue.deadline.text).toMatch(/counts as issued/);
    expect(catalog.filter({ recipient: 'INDIVIDUAL' }).map((e) => e.code)).not.toContain('scrap-metal-licence');
    expect(catalog.filter({ recipient: 'LEGAL_ENTITY' }).map((e) => e.code)).toContain('scrap-metal-licence');
  });

  it('is provided by the local executive bodies, not the Industry Committee, and has no annex', () => {
    expect(scrap.provider.name.en).toMatch(/Local executive bodies/);
    expect(scrap.actions.map((a) => a.kind)).not.toContain('ANNEX');
  });
});

describe('each service pins its actions, deadlines and fee', () => {
  type Row = [code: string, actions: Array<[ActionKind, number | null, DeadlineUnit]>, fee: FeeKind];
  const LICENCE: Row[1] = [
    ['ISSUE', 15, 'WORKING_DAYS'],
    ['ANNEX', null, 'NOT_STATED'],
    ['REISSUE', 10, 'WORKING_DAYS'],
    ['DUPLICATE', 2, 'WORKING_DAYS'],
  ];
  const table: Row[] = [
    [
      'expert-auditor-attestation',
      [
        ['ATTESTATION', 15, 'WORKING_DAYS'],
        ['QUALIFICATION_ATTESTATION', 15, 'WORKING_DAYS'],
      ],
      'FREE',
    ],
    ['standards-registration', [['REGISTRATION', 10, 'WORKING_DAYS']], 'FREE'],
    ['measuring-instrument-type-approval', [['CERTIFICATE', 30, 'CALENDAR_DAYS']], 'FREE'],
    ['metrological-attestation', [['CERTIFICATE', null, 'CONTRACT']], 'BY_CONTRACT'],
    [
      'state-symbols-licence',
      [
        ['ISSUE', 15, 'WORKING_DAYS'],
        ['REISSUE', 10, 'WORKING_DAYS'],
        ['DUPLICATE', 2, 'WORKING_DAYS'],
      ],
      'LICENCE_FEE',
    ],
    ['export-control-transit-permit', [['PERMIT', 30, 'CALENDAR_DAYS']], 'FREE'],
    ['processing-outside-customs-permit', [['PERMIT', 15, 'WORKING_DAYS']], 'FREE'],
    ['mining-chemical-licence', LICENCE, 'LICENCE_FEE'],
    ['poisons-licence', LICENCE, 'LICENCE_FEE'],
    ['weapons-licence', LICENCE, 'LICENCE_FEE'],
    ['explosives-licence', LICENCE, 'LICENCE_FEE'],
    ['munitions-destruction-licence', LICENCE, 'LICENCE_FEE'],
    [
      'export-import-licence',
      [
        ['ISSUE', 15, 'WORKING_DAYS'],
        ['REISSUE', null, 'NOT_STATED'],
        ['DUPLICATE', 2, 'WORKING_DAYS'],
      ],
      'LICENCE_FEE',
    ],
    [
      'scrap-metal-licence',
      [
        ['ISSUE', 15, 'WORKING_DAYS'],
        ['REISSUE', 10, 'WORKING_DAYS'],
        ['DUPLICATE', 2, 'WORKING_DAYS'],
      ],
      'LICENCE_FEE',
    ],
    [
      'chemical-products-registration',
      [
        ['REGISTRATION', 5, 'WORKING_DAYS'],
        ['REREGISTRATION', 5, 'WORKING_DAYS'],
      ],
      'FREE',
    ],
    ['precious-metals-special-registration', [['REGISTRATION', 7, 'WORKING_DAYS']], 'FREE'],
    ['precious-metals-processing-conclusion', [['CONCLUSION', 7, 'WORKING_DAYS']], 'FREE'],
    ['precious-metals-extraction-conclusion', [['CONCLUSION', 7, 'WORKING_DAYS']], 'FREE'],
  ];

  it('covers every service of the catalog', () => {
    expect(table.map(([code]) => code).sort()).toEqual(catalog.all().map((e) => e.code));
  });

  it.each(table)('%s', (code, actions, fee) => {
    const e = entry(code);
    expect(e.actions.map((a) => [a.kind, a.deadline.value, a.deadline.unit])).toEqual(actions);
    expect(e.fee.kind).toBe(fee);
  });

  it('counts the type-approval deadline from the end of testing and the chemical registration from the day after submission', () => {
    expect(actionOf('measuring-instrument-type-approval', 'CERTIFICATE').deadline.countsFrom).toBe('TESTING_COMPLETED');
    expect(actionOf('chemical-products-registration', 'REGISTRATION').deadline.countsFrom).toBe('DAY_AFTER_SUBMISSION');
  });

  it('deems the decree-1130 licences and the processing permit issued on silence, and nothing else', () => {
    const silent = catalog
      .all()
      .flatMap((e) => e.actions.filter((a) => a.deadline.deemedIssuedIfSilent).map((a) => `${e.code}:${a.kind}`))
      .sort();
    const licences = ['mining-chemical-licence', 'poisons-licence', 'weapons-licence', 'explosives-licence', 'munitions-destruction-licence'];
    expect(silent).toEqual(
      [
        ...licences.flatMap((c) => [`${c}:ISSUE`, `${c}:ANNEX`]),
        'export-import-licence:ISSUE',
        'scrap-metal-licence:ISSUE',
        'processing-outside-customs-permit:PERMIT',
      ].sort(),
    );
  });
});

describe('documents', () => {
  const allDocuments = catalog.all().flatMap((e) => e.actions.flatMap((a) => a.documents.map((d) => ({ e, a, d }))));

  it('every document has a source and a citation', () => {
    expect(allDocuments.length).toBeGreaterThan(150);
    for (const { e, a, d } of allDocuments) {
      const where = `${e.code} ${a.kind} ${d.id}`;
      expect(d.source.lines[0], where).toBeGreaterThan(0);
      expect(d.source.lines[1], where).toBeGreaterThanOrEqual(d.source.lines[0]);
      expect(['APPLICANT', 'STATE_SYSTEM'], where).toContain(d.seedSays);
      if (d.supply === 'REGISTRY') expect([d.registry, d.registryFact].every(Boolean), where).toBe(true);
    }
  });

  it('never asks a portal applicant to upload what our registries hold: identity, registrations, fee payments', () => {
    const uploads = allDocuments.filter(
      ({ d }) =>
        d.channels.includes('PORTAL') &&
        d.supply === 'ATTACH' &&
        ['IDENTITY_DOCUMENT', 'LEGAL_ENTITY_REGISTRATION', 'ENTREPRENEUR_REGISTRATION', 'FEE_PAYMENT'].includes(d.registryFact ?? ''),
    );
    expect(uploads.map(({ e, d }) => `${e.code}:${d.id}`)).toEqual([]);
  });

  it('asks for paper copies at the office, where the standards say so', () => {
    const copies = actionOf('mining-chemical-licence', 'ISSUE').documents.filter((d) => d.channels.join() === 'OFFICE');
    expect(copies.map((d) => d.id)).toEqual(
      expect.arrayContaining(['identity-document', 'entrepreneur-registration-copy', 'tax-registration-copy', 'fee-payment-copy']),
    );
    expect(copies.every((d) => d.supply === 'ATTACH')).toBe(true);
  });

  it('marks the tax registration of the processing permit as taken by the authority from a system outside our registries', () => {
    const tax = actionOf('processing-outside-customs-permit', 'PERMIT').documents.find((d) => d.id === 'tax-registration')!;
    expect(tax).toMatchObject({ supply: 'AUTHORITY', registry: null, channels: ['OFFICE', 'PORTAL'] });
    expect(tax.stateSystem).toMatch(/мемлекеттік ақпараттық жүйелер/);
  });

  it('lists the office-only services with office documents only', () => {
    for (const e of catalog.filter({ online: false })) {
      for (const a of e.actions)
        expect(
          a.documents.every((d) => d.channels.join() === 'OFFICE'),
          e.code,
        ).toBe(true);
    }
  });
});

describe('what the cited lines say', () => {
  const allDocuments = catalog.all().flatMap((e) => e.actions.flatMap((a) => a.documents.map((d) => ({ e, a, d }))));

  const NAME_FRAGMENT: Record<string, string> = {
    'expert-auditor-attestation': 'эксперта-аудитора',
    'standards-registration': 'нормативтік құжаттарын есептік тіркеу',
    'measuring-instrument-type-approval': 'типін бекіту сертификатын',
    'metrological-attestation': 'Метрологиялық аттестаттау',
    'state-symbols-licence': 'Государственного Флага',
    'export-control-transit-permit': 'транзитіне рұқсат',
    'processing-outside-customs-permit': 'қайта өңдеуге рұқсат',
    'mining-chemical-licence': 'Тау-кен',
    'poisons-licence': 'Уларды өндіру',
    'weapons-licence': 'әскери техниканы',
    'explosives-licence': 'пиротехникалық заттар',
    'munitions-destruction-licence': 'Босатылатын оқ-дәрiлерді',
    'export-import-licence': 'экспорты мен импортына',
    'scrap-metal-licence': 'металл сынықтары',
    'chemical-products-registration': 'Химиялық өнімді тіркеу',
    'precious-metals-special-registration': 'арнайы есепке қою',
    'precious-metals-processing-conclusion': 'қайта өңдеудің экономикалық орынсыздығы',
    'precious-metals-extraction-conclusion': 'өнеркәсiптiк алудың',
  };

  it('the flag licence deadlines and fee are read from the Russian lines of 001', () => {
    expect(cited(actionOf('state-symbols-licence', 'ISSUE').deadline.source)).toContain(squash('пятнадцати рабочих дней'));
    expect(cited(actionOf('state-symbols-licence', 'REISSUE').deadline.source)).toContain(squash('десяти рабочих дней'));
    expect(cited(actionOf('state-symbols-licence', 'DUPLICATE').deadline.source)).toContain(squash('двух рабочих дней'));
    expect(cited(entry('state-symbols-licence').fee.source)).toContain(squash('Налоговый кодекс'));
    const portalLe = actionOf('state-symbols-licence', 'ISSUE').documents.find((d) => d.id === 'legal-entity-registration')!;
    expect(cited(portalLe.alsoListedAt!)).toContain(squash('копия свидетельства'));
    expect(cited(portalLe.source)).toContain(squash('из соответствующих государственных информационных систем'));
  });

  it('the scrap licence cites legal entities as its recipients and the akimats as its provider', () => {
    expect(cited(entry('scrap-metal-licence').recipientsSource)).toContain(squash('заңды тұлғаларға'));
    expect(cited(entry('scrap-metal-licence').provider.source)).toContain(squash('жергілікті атқарушы органдары'));
  });

  it('the repeal of each decree is cited from its note', () => {
    for (const e of catalog.all()) expect(cited(e.repealedBy!.source), e.code).toContain(squash('Күші жойылды'));
  });

  it('the tax registration of the processing permit is cited from the state-systems sentence', () => {
    const tax = actionOf('processing-outside-customs-permit', 'PERMIT').documents.find((d) => d.id === 'tax-registration')!;
    expect(cited(tax.source)).toContain(squash('салық органында есепке қою'));
  });

  it('cites lines that name the unit of each fixed deadline (working or calendar days) or the contract', () => {
    const words: Partial<Record<DeadlineUnit, string[]>> = {
      WORKING_DAYS: ['жұмыс', 'рабоч'],
      CALENDAR_DAYS: ['күнтізбелік'],
      CONTRACT: ['шарт'],
    };
    for (const e of catalog.all()) {
      for (const a of e.actions) {
        const expected = words[a.deadline.unit];
        if (!expected) continue;
        expect(
          expected.some((w) => cited(a.deadline.source).includes(squash(w))),
          `${e.code} ${a.kind}`,
        ).toBe(true);
      }
    }
  });

  it('cites, for each registry document, lines that name what the registry holds', () => {
    const words: Record<RegistryFact, string[]> = {
      IDENTITY_DOCUMENT: ['жеке басты', 'жеке басын', 'жеке басының', 'удостоверяющих личность', 'удостоверяющий личность'],
      LEGAL_ENTITY_REGISTRATION: ['заңды тұлға', 'юридического лица', 'мемлекеттік тіркеу'],
      ENTREPRENEUR_REGISTRATION: ['дара кәсіпкер', 'индивидуального предпринимателя', 'мемлекеттік тіркеу'],
      FEE_PAYMENT: ['ЭҮТШ', 'ПШЭП', 'төлем шлюзі'],
      LICENCE: ['лиценз'],
    };
    for (const { e, a, d } of allDocuments.filter(({ d }) => d.supply === 'REGISTRY')) {
      const text = cited(d.source) + (d.alsoListedAt ? cited(d.alsoListedAt) : '');
      expect(
        words[d.registryFact!].some((w) => text.includes(squash(w))),
        `${e.code} ${a.kind} ${d.id}`,
      ).toBe(true);
    }
  });

  it('every citation points inside its seed file', () => {
    const all = catalog.all().flatMap((e) => citationsOf(e).map((c) => ({ code: e.code, ...c })));
    expect(all.length).toBeGreaterThan(600);
    for (const { code, path, citation } of all) {
      const length = seedLineCounts.get(citation.seed);
      expect(length, `${code} ${path}: ${citation.seed}`).toBeDefined();
      expect(citation.lines[1], `${code} ${path}`).toBeLessThanOrEqual(length!);
      expect(cited(citation), `${code} ${path} cites only blank lines`).not.toBe('');
    }
  });

  it.each(Object.entries(NAME_FRAGMENT))('the lines cited for %s contain its name (%s)', (code, fragment) => {
    const e = entry(code);
    expect(squash(`${e.names.kk} ${e.names.ru}`)).toContain(squash(fragment));
    expect(cited(e.source)).toContain(squash(fragment));
    expect(cited(e.result.source) + cited(e.provider.source)).toContain(squash(fragment).slice(0, 8));
  });

  it('the superseded 000 texts of the two re-stated standards carry the same names in Kazakh', () => {
    expect(cited(entry('expert-auditor-attestation').supersedes!)).toContain(squash('сарапшы-аудиторды аттестаттау'));
    expect(cited(entry('state-symbols-licence').supersedes!)).toContain(squash('Мемлекеттік Туын'));
  });

  it('refusal grounds cite their own lines: a fee ground names the fee, an incompleteness ground the documents', () => {
    for (const e of catalog.all()) {
      for (const g of e.refusalGrounds) {
        const text = cited(g.source);
        if (g.code === 'FEE_NOT_PAID') expect(/алым|сбор|төлем/.test(text), `${e.code} ${g.code}`).toBe(true);
        if (g.code === 'INCOMPLETE_DOCUMENTS') expect(/толық|вседокументы/.test(text), `${e.code} ${g.code}`).toBe(true);
      }
    }
  });
});

describe('catalog filters', () => {
  it('finds online services by a portal channel', () => {
    const online = catalog.filter({ online: true }).map((e) => e.code);
    expect(online).toContain('state-symbols-licence');
    expect(online).toContain('processing-outside-customs-permit');
    expect(online).not.toContain('export-control-transit-permit');
    expect(online).toHaveLength(11);
    expect(catalog.filter({ online: false })).toHaveLength(7);
  });

  it('finds paid services by a fee that is not FREE', () => {
    expect(catalog.filter({ paid: true }).map((e) => e.code)).toEqual(
      [
        'explosives-licence',
        'export-import-licence',
        'metrological-attestation',
        'mining-chemical-licence',
        'munitions-destruction-licence',
        'poisons-licence',
        'scrap-metal-licence',
        'state-symbols-licence',
        'weapons-licence',
      ].sort(),
    );
  });

  it('lets an individual entrepreneur find what individuals and entrepreneurs may apply for', () => {
    const forEntrepreneur = catalog.filter({ recipient: 'INDIVIDUAL_ENTREPRENEUR' }).map((e) => e.code);
    expect(forEntrepreneur).toContain('precious-metals-special-registration'); // entrepreneurs named
    expect(forEntrepreneur).toContain('state-symbols-licence'); // individuals named
    expect(forEntrepreneur).not.toContain('munitions-destruction-licence'); // legal entities only
    expect(catalog.filter({ recipient: 'INDIVIDUAL' }).map((e) => e.code)).not.toContain('precious-metals-special-registration');
  });

  it('combines filters', () => {
    expect(catalog.filter({ recipient: 'FOREIGN_STATE_BODY' }).map((e) => e.code)).toEqual([]); // an applicant variant of the transit permit, not a recipient
    expect(catalog.filter({ online: true, paid: false, recipient: 'INDIVIDUAL' }).map((e) => e.code)).toEqual([
      'chemical-products-registration',
      'expert-auditor-attestation',
      'processing-outside-customs-permit',
    ]);
  });
});

describe('forms', () => {
  it("prefill only from fields our registries hold, and never the authority's part", () => {
    const fields = catalog.all().flatMap((e) => e.forms.flatMap((f) => f.fields.map((x) => ({ e, f, x }))));
    expect(fields.length).toBeGreaterThan(300);
    const prefilled = fields.filter(({ x }) => x.prefill !== null);
    expect(prefilled.length).toBeGreaterThan(60);
    expect(prefilled.every(({ x }) => x.filledBy === 'APPLICANT')).toBe(true);
    const ind = entry('poisons-licence').forms.find((f) => f.id === 'appendix-2-individual')!;
    expect(ind.fields.find((x) => x.id === 'id-number')!.prefill).toMatchObject({ registry: 'individuals', path: 'identityDocument.number' });
    expect(ind.fields.find((x) => x.id === 'account-number')!.prefill).toBeNull();
  });

  it('every document filled on a form names a form of its own service', () => {
    for (const e of catalog.all()) {
      const ids = new Set(e.forms.map((f) => f.id));
      for (const d of e.actions.flatMap((a) => a.documents)) for (const id of d.formIds ?? []) expect(ids.has(id), `${e.code} ${d.id} -> ${id}`).toBe(true);
    }
  });
});

describe('loading a broken catalog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const original = (code: string) => JSON.parse(readFileSync(new URL(`${code}.json`, DEFAULT_CATALOG_DIR), 'utf8'));
  const catalogDir = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
    return pathToFileURL(`${dir}/`);
  };
  const problemsOf = (dir: URL, options = {}) => {
    try {
      loadCatalog(dir, options);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return (error as CatalogError).problems;
    }
    throw new Error('the catalog loaded');
  };

  it('throws one error that lists every problem with file and path', () => {
    const transit = original('export-control-transit-permit');
    transit.actions[0].documents[0].channels = ['PORTAL']; // an office-only service
    const registryless = original('standards-registration');
    registryless.actions[0].documents[0].supply = 'REGISTRY';
    const twin = original('standards-registration');
    const badPrefill = original('scrap-metal-licence');
    badPrefill.forms[0].fields[1].prefill = { registry: 'legal-entities', path: 'phoneNumber', appliesTo: null };
    const noCitation = original('metrological-attestation');
    delete noCitation.refusalGrounds[0].source;

    const problems = problemsOf(
      catalogDir({
        'export-control-transit-permit.json': transit,
        'standards-registration.json': registryless,
        'standards-registration-copy.json': twin,
        'scrap-metal-licence.json': badPrefill,
        'metrological-attestation.json': noCitation,
        'broken.json': '{ not json',
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^export-control-transit-permit\.json: actions\[0\]\.documents\[0\]\.channels: .*PORTAL/),
        expect.stringMatching(/^standards-registration\.json: actions\[0\]\.documents\[0\]\.registry: .*REGISTRY document must name/),
        expect.stringMatching(/^standards-registration-copy\.json: code: .*must be named standards-registration\.json/),
        'standards-registration-copy.json: code: "standards-registration" is also the code of standards-registration.json',
        'standards-registration.json: code: "standards-registration" is also the code of standards-registration-copy.json',
        expect.stringMatching(/^scrap-metal-licence\.json: forms\[0\]\.fields\[1\]\.prefill\.path: "phoneNumber" is not a field/),
        expect.stringMatching(/^metrological-attestation\.json: refusalGrounds\[0\]\.source: Required/),
        expect.stringMatching(/^broken\.json: \(file\): not valid JSON/),
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it('rejects a citation past the end of its seed when the seed lengths are given', () => {
    const flag = original('state-symbols-licence');
    flag.actions[0].deadline.source.lines = [532, 5000];
    const dir = catalogDir({ 'state-symbols-licence.json': flag });
    expect(loadCatalog(dir).size).toBe(1); // the service does not read the seeds
    expect(problemsOf(dir, { seedLineCounts })).toEqual([
      'state-symbols-licence.json: actions[0].deadline.source: cites lines 532-5000 but 001_b10daefcd31705e3.txt has 971 lines',
    ]);
  });

  it('rejects a licence service without the licence fee, and a deadline with a value but no fixed unit', () => {
    const scrap = original('scrap-metal-licence');
    scrap.fee = { ...scrap.fee, kind: 'FREE', paidVia: null };
    scrap.actions[0].deadline.unit = 'NOT_STATED';
    expect(problemsOf(catalogDir({ 'scrap-metal-licence.json': scrap }))).toEqual([
      'scrap-metal-licence.json: actions[0].deadline.value: a value is given exactly when the unit is WORKING_DAYS or CALENDAR_DAYS',
      'scrap-metal-licence.json: licenceActivity: licence services (and only they) pay the licence fee',
    ]);
  });
});
