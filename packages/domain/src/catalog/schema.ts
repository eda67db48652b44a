import { z } from 'zod';

/**
 * One public service of the catalog, as data. Every fact that an applicant or an API answer depends on
 * (deadline, fee, document, refusal ground, form) carries a citation into the legal text it was read from:
 * a seed file of data/seeds and a 1-based, inclusive line range (as `sed -n 'A,Bp'` shows it).
 *
 * The schema checks the shape of one entry and the rules that need only that entry; rules that span files
 * (unique codes, citations inside the seed files) live in load.ts.
 */

const SEED_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SCREAMING_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

const LineNumber = z.number().int().positive();

export const Citation = z
  .object({
    seed: z.string().regex(SEED_FILE, 'seed must be a file name of data/seeds, e.g. 002_f7d4db21a964058d.txt'),
    lines: z.tuple([LineNumber, LineNumber]),
  })
  .strict()
  .refine((c) => c.lines[0] <= c.lines[1], { message: 'line range must not run backwards', path: ['lines'] });
export type Citation = z.infer<typeof Citation>;

const Text = z.string().trim().min(1);
const Kebab = z.string().regex(KEBAB, 'must be kebab-case');

/** A phrase in English with the wording of the seed it renders (Kazakh or Russian). */
export const Localized = z.object({ en: Text, original: Text }).strict();
export type Localized = z.infer<typeof Localized>;

export const ServiceChannel = z.enum(['OFFICE', 'EGOV_PORTAL', 'ELICENSE_PORTAL', 'PSC', 'POST']);
export type ServiceChannel = z.infer<typeof ServiceChannel>;
/** Channels through which a request can be made online. */
export const PORTAL_CHANNELS: readonly ServiceChannel[] = ['EGOV_PORTAL', 'ELICENSE_PORTAL'];
/** Channels where paper is handed over: the authority's office, a public service centre, the post. */
export const PAPER_CHANNELS: readonly ServiceChannel[] = ['OFFICE', 'PSC', 'POST'];

export const Automation = z.enum(['FULL', 'PARTIAL', 'NONE']);
export type Automation = z.infer<typeof Automation>;

export const Recipient = z.enum(['INDIVIDUAL', 'LEGAL_ENTITY', 'INDIVIDUAL_ENTREPRENEUR', 'FOREIGN_STATE_BODY']);
export type Recipient = z.infer<typeof Recipient>;

/** Who a document is needed from; REPRESENTATIVE = someone applying on the recipient's behalf. */
export const DocumentApplicant = z.enum(['INDIVIDUAL', 'LEGAL_ENTITY', 'INDIVIDUAL_ENTREPRENEUR', 'REPRESENTATIVE', 'FOREIGN_STATE_BODY']);
export type DocumentApplicant = z.infer<typeof DocumentApplicant>;

export const ActionKind = z.enum([
  'ISSUE',
  'REISSUE',
  'DUPLICATE',
  'ANNEX',
  'REGISTRATION',
  'REREGISTRATION',
  'PERMIT',
  'CONCLUSION',
  'ATTESTATION',
  'QUALIFICATION_ATTESTATION',
  'CERTIFICATE',
]);
export type ActionKind = z.infer<typeof ActionKind>;

/** CONTRACT: the term is whatever the contract with the provider says; NOT_STATED: the standard gives none. */
export const DeadlineUnit = z.enum(['WORKING_DAYS', 'CALENDAR_DAYS', 'CONTRACT', 'NOT_STATED']);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

export const DeadlineStart = z.enum(['SUBMISSION', 'DAY_AFTER_SUBMISSION', 'TESTING_COMPLETED', 'PER_CONTRACT', 'NOT_STATED']);
export type DeadlineStart = z.infer<typeof DeadlineStart>;

export const FeeKind = z.enum(['FREE', 'LICENCE_FEE', 'BY_CONTRACT', 'STATE_DUTY']);
export type FeeKind = z.infer<typeof FeeKind>;

/** PSHEP = the e-government payment gateway (ПШЭП / ЭҮТШ); BANK = an ordinary bank payment to the provider. */
export const PaidVia = z.enum(['PSHEP', 'BANK']);
export type PaidVia = z.infer<typeof PaidVia>;

/** The two document lists of a standard: what is handed over on paper, and what is sent through the portal. */
export const DocumentChannel = z.enum(['OFFICE', 'PORTAL']);
export type DocumentChannel = z.infer<typeof DocumentChannel>;

/**
 * ATTACH: the applicant produces it (a scan or a paper copy).
 * REGISTRY: one of our four registries holds it; the applicant supplies nothing.
 * AUTHORITY: the authority takes it from a state system that is not one of our registries; the applicant supplies nothing
 * and we cannot show it.
 */
export const Supply = z.enum(['ATTACH', 'REGISTRY', 'AUTHORITY']);
export type Supply = z.infer<typeof Supply>;

/** Our four registries: ГБД ФЛ, ГБД ЮЛ, the ПШЭП payment gateway, Е-лицензирование. */
export const Registry = z.enum(['individuals', 'legal-entities', 'payments', 'licensing']);
export type Registry = z.infer<typeof Registry>;

export const RegistryFact = z.enum(['IDENTITY_DOCUMENT', 'LEGAL_ENTITY_REGISTRATION', 'ENTREPRENEUR_REGISTRATION', 'FEE_PAYMENT', 'LICENCE']);
export type RegistryFact = z.infer<typeof RegistryFact>;

/** Which registry holds which fact; a document that names both must name a matching pair. */
export const FACT_REGISTRY: Readonly<Record<RegistryFact, Registry>> = {
  IDENTITY_DOCUMENT: 'individuals',
  LEGAL_ENTITY_REGISTRATION: 'legal-entities',
  ENTREPRENEUR_REGISTRATION: 'individuals',
  FEE_PAYMENT: 'payments',
  LICENCE: 'licensing',
};

export const SeedSays = z.enum(['APPLICANT', 'STATE_SYSTEM']);
export type SeedSays = z.infer<typeof SeedSays>;

const ADDRESS_PARTS = ['postcode', 'region', 'district', 'city', 'street', 'house', 'flat'] as const;

/** The record fields a form field may be prefilled from, per registry (the registry records as the graph exposes them). */
export const PREFILL_PATHS: Readonly<Record<Registry, readonly string[]>> = {
  individuals: [
    'iin',
    'lastName',
    'firstName',
    'middleName',
    'fullName',
    'birthDate',
    'sex',
    'citizenship.name',
    ...['type', 'series', 'number', 'issuedBy', 'issuedOn', 'expiresOn'].map((p) => `identityDocument.${p}`),
    'address',
    ...ADDRESS_PARTS.map((p) => `address.${p}`),
    ...['tradeName', 'registeredOn', 'certificateNumber', 'taxAuthorityName'].map((p) => `entrepreneur.${p}`),
  ],
  'legal-entities': [
    'bin',
    'nameKk',
    'nameRu',
    'shortNameKk',
    'shortNameRu',
    'legalForm',
    'ownership',
    'registeredOn',
    ...['kind', 'number', 'issuedOn', 'issuedBy'].map((p) => `registrationDocument.${p}`),
    'legalAddress',
    ...ADDRESS_PARTS.map((p) => `legalAddress.${p}`),
    'head.fullName',
    'headPosition',
    ...['iban', 'bankName', 'bic'].map((p) => `bankAccounts[0].${p}`),
    'branches',
  ],
  payments: ['id', 'amount', 'paidAt', 'transactionId'],
  licensing: ['number', 'activity.code', 'activity.nameKk', 'activity.nameRu', 'licensor.nameKk', 'licensor.nameRu', 'issuedOn', 'status', 'territory'],
};

const PrefillSource = z
  .object({
    registry: Registry,
    path: Text,
    /** Set when the value comes from this registry only for some applicants (e.g. a name: ГБД ЮЛ for an entity, ГБД ФЛ for a person). */
    appliesTo: z.array(DocumentApplicant).min(1).nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!PREFILL_PATHS[p.registry].includes(p.path)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['path'], message: `"${p.path}" is not a field of the ${p.registry} registry record` });
    }
  });
export type PrefillSource = z.infer<typeof PrefillSource>;

export const FormField = z
  .object({
    id: Kebab,
    label: Localized,
    /** null: the applicant types it. One source, or one per kind of applicant when it differs. */
    prefill: z.union([PrefillSource, z.array(PrefillSource).min(2)]).nullable(),
    /** AUTHORITY marks the official's part of a form (acceptance stamps, permit numbers); the applicant never fills it. */
    filledBy: z.enum(['APPLICANT', 'AUTHORITY']).default('APPLICANT'),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (Array.isArray(f.prefill) && f.prefill.some((p) => p.appliesTo === null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['prefill'], message: 'alternative prefill sources must each say whom they apply to' });
    }
    if (f.filledBy === 'AUTHORITY' && f.prefill !== null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['prefill'], message: "the authority's part of a form is never prefilled" });
    }
  });
export type FormField = z.infer<typeof FormField>;

export const Form = z
  .object({
    id: Kebab,
    title: Localized,
    appliesTo: z.array(DocumentApplicant).min(1),
    source: Citation,
    fields: z.array(FormField).min(1),
    notes: z.array(Text).default([]),
  })
  .strict();
export type Form = z.infer<typeof Form>;

/**
 * Degraded mode: while a registry cannot be read, the draft offers this document, as a scan, in place of the
 * registry-supplied documents it names. Only a document the standard itself lists for the office/PSC channel
 * stands in for anything; the registry fact is the document's own registryFact.
 */
export const StandsInFor = z
  .object({
    /** REGISTRY documents of the same action, each holding this document's registryFact for the same applicants. */
    documents: z.array(Kebab).min(1),
    /** The lines that tie the two together: the other list's item, or the state-systems sentence, naming the same document. */
    source: Citation,
    /**
     * true: the standard has the authority read the fact from state systems on this channel too (the office list names
     * the document all the same), so the scan is asked only while the registry cannot be read. false: the office list
     * asks for it in any case; only the portal takes the fact from the registry.
     */
    onlyWhenRegistryDown: z.boolean(),
  })
  .strict();
export type StandsInFor = z.infer<typeof StandsInFor>;

export const CatalogDocument = z
  .object({
    id: Kebab,
    name: Localized,
    channels: z.array(DocumentChannel).min(1),
    supply: Supply,
    registry: Registry.nullable(),
    registryFact: RegistryFact.nullable(),
    /** How the standard names the state system the authority takes it from, when it names one. */
    stateSystem: Text.nullable().default(null),
    appliesTo: z.array(DocumentApplicant).min(1).nullable(),
    condition: Text.nullable(),
    seedSays: SeedSays,
    /** The lines that justify this entry: the list item, or for REGISTRY/AUTHORITY the sentence on state systems. */
    source: Citation,
    /** Where the same document is listed again (the other channel's list, or a portal list that still names a copy). */
    alsoListedAt: Citation.nullable().default(null),
    /** The appendix forms this document is filled on. */
    formIds: z.array(Kebab).min(1).nullable().default(null),
    /** Degraded mode: the registry documents this office-list document replaces, as a scan, while their registry is down. */
    standsInFor: StandsInFor.nullable().default(null),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (d.supply === 'REGISTRY' && (d.registry === null || d.registryFact === null)) {
      issue('registry', 'a REGISTRY document must name the registry and the fact it holds');
    }
    if (d.supply === 'AUTHORITY' && (d.registry !== null || d.stateSystem === null)) {
      issue('stateSystem', 'an AUTHORITY document names the state system (stateSystem) and no registry of ours');
    }
    if ((d.registry === null) !== (d.registryFact === null)) {
      issue('registryFact', 'registry and registryFact go together');
    }
    if (d.registry !== null && d.registryFact !== null && FACT_REGISTRY[d.registryFact] !== d.registry) {
      issue('registryFact', `${d.registryFact} is held by ${FACT_REGISTRY[d.registryFact]}, not ${d.registry}`);
    }
    if (new Set(d.channels).size !== d.channels.length) issue('channels', 'channels repeat');
    if (d.standsInFor !== null) {
      if (d.supply !== 'ATTACH' || d.registryFact === null)
        issue('standsInFor', 'only a document the applicant attaches, naming its registryFact, stands in for a registry document');
      if (!d.channels.includes('OFFICE')) issue('standsInFor', "a substitute must be a document of the standard's office/PSC list");
    }
  });
export type CatalogDocument = z.infer<typeof CatalogDocument>;

export const Deadline = z
  .object({
    value: z.number().int().positive().nullable(),
    unit: DeadlineUnit,
    countsFrom: DeadlineStart,
    /** The standard says the result counts as issued when the authority lets the deadline pass in silence. */
    deemedIssuedIfSilent: z.boolean(),
    text: Text,
    source: Citation,
  })
  .strict()
  .superRefine((d, ctx) => {
    const fixed = d.unit === 'WORKING_DAYS' || d.unit === 'CALENDAR_DAYS';
    if (fixed !== (d.value !== null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'a value is given exactly when the unit is WORKING_DAYS or CALENDAR_DAYS' });
    }
  });
export type Deadline = z.infer<typeof Deadline>;

export const Action = z
  .object({
    kind: ActionKind,
    /** When this action applies (e.g. the grounds for reissue), if the standard says. */
    when: z.object({ en: Text, source: Citation }).strict().nullable(),
    deadline: Deadline,
    documents: z.array(CatalogDocument),
  })
  .strict();
export type Action = z.infer<typeof Action>;

export const RefusalGround = z
  .object({
    code: z.string().regex(SCREAMING_SNAKE, 'refusal codes are SCREAMING_SNAKE'),
    text: Localized,
    /** null: any action of the service. */
    actions: z.array(ActionKind).min(1).nullable(),
    source: Citation,
  })
  .strict();
export type RefusalGround = z.infer<typeof RefusalGround>;

export const Fee = z
  .object({
    kind: FeeKind,
    basis: Text,
    /** MRP (monthly calculation index) per action, only when a citable source gives it. */
    amountMrp: z.record(ActionKind, z.number().nonnegative()).nullable(),
    paidVia: PaidVia.nullable(),
    source: Citation,
    amountSource: Text.nullable(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.kind === 'FREE' && (f.amountMrp !== null || f.paidVia !== null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['kind'], message: 'a free service has no amount and no payment route' });
    }
    if ((f.amountMrp === null) !== (f.amountSource === null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['amountSource'], message: 'an amount needs amountSource, and only an amount has one' });
    }
  });
export type Fee = z.infer<typeof Fee>;

export const ProcessStep = z
  .object({
    order: z.number().int().positive(),
    /** OFFICE: the provider's own staff run it (paper or E-licensing at the desk); PORTAL: the applicant on e.gov.kz / elicense.kz. */
    flow: z.enum(['OFFICE', 'PORTAL']),
    actor: Text,
    en: Text,
    durationText: Text.nullable(),
    durationSource: Citation.nullable(),
    source: Citation,
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.durationText === null) !== (s.durationSource === null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['durationSource'], message: 'a duration comes with its citation' });
    }
  });
export type ProcessStep = z.infer<typeof ProcessStep>;

export const CatalogEntry = z
  .object({
    code: Kebab,
    names: z
      .object({
        kk: Text,
        ru: Text,
        en: Text,
        /** SEED: the Russian name is quoted from a seed; DOMAIN_NOTES: rendered by the domain notes (no official Russian text in the seeds). */
        ruSource: z.enum(['SEED', 'DOMAIN_NOTES']),
        /** The title in the seed that every name renders, so that kk, ru and en describe the same thing. */
        source: Citation.nullable().default(null),
      })
      .strict(),
    /** The standard's text this entry follows (its whole extent in the seed). */
    source: Citation,
    /** The earlier text this one replaces, when a later act re-stated the standard. */
    supersedes: Citation.nullable(),
    act: Text,
    legalBasis: z.array(Text).min(1),
    inForce: z.boolean(),
    repealedBy: z.object({ act: Text, source: Citation }).strict().nullable(),
    provider: z.object({ name: Localized, address: Text, source: Citation }).strict(),
    channels: z.array(ServiceChannel).min(1),
    channelsSource: Citation,
    automation: Automation,
    recipients: z.array(Recipient).min(1),
    recipientsSource: Citation,
    /** For a licence service, its own code: the licence it issues is held in Е-лицензирование under this activity. */
    licenceActivity: Kebab.nullable(),
    result: z.object({ en: Text, source: Citation }).strict(),
    fee: Fee,
    actions: z.array(Action).min(1),
    refusalGrounds: z.array(RefusalGround),
    forms: z.array(Form),
    processSteps: z.array(ProcessStep),
    queueMinutes: z
      .object({
        submit: z.number().int().positive().nullable(),
        receive: z.number().int().positive().nullable(),
        /** The longest the applicant may be served on the day of application, where the standard says so. */
        serviceOnDay: z.number().int().positive().nullable(),
        source: Citation,
      })
      .strict()
      .nullable(),
    notes: z.array(Text),
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;
    const sameApplicants = (x: readonly string[] | null, y: readonly string[] | null) =>
      x === null || y === null ? x === y : x.length === y.length && x.every((v) => y.includes(v));

    if (!unique(e.channels)) issue(['channels'], 'channels repeat');
    if (!unique(e.recipients)) issue(['recipients'], 'recipients repeat');
    const online = e.channels.some((c) => PORTAL_CHANNELS.includes(c));
    if (online && e.automation === 'NONE') issue(['automation'], 'a service offered on a portal is at least PARTIAL');
    if (!online && e.automation !== 'NONE') issue(['automation'], 'a service with no portal channel is NONE');
    if (e.licenceActivity !== null && e.licenceActivity !== e.code) issue(['licenceActivity'], 'licenceActivity is the service code itself');
    if ((e.fee.kind === 'LICENCE_FEE') !== (e.licenceActivity !== null)) {
      issue(['licenceActivity'], 'licence services (and only they) pay the licence fee');
    }

    const kinds = e.actions.map((a) => a.kind);
    if (!unique(kinds)) issue(['actions'], 'an action kind appears twice');
    const formIds = new Set(e.forms.map((f) => f.id));
    if (formIds.size !== e.forms.length) issue(['forms'], 'form ids repeat');

    e.actions.forEach((action, a) => {
      const ids = action.documents.map((d) => d.id);
      if (!unique(ids)) issue(['actions', a, 'documents'], 'document ids repeat within the action');
      action.documents.forEach((doc, d) => {
        for (const id of doc.formIds ?? []) {
          if (!formIds.has(id)) issue(['actions', a, 'documents', d, 'formIds'], `no form "${id}" in this entry`);
        }
        if (doc.standsInFor) {
          const path = ['actions', a, 'documents', d, 'standsInFor'];
          const targets = doc.standsInFor.documents.map((id) => action.documents.find((t) => t.id === id));
          doc.standsInFor.documents.forEach((id, i) => {
            const target = targets[i];
            if (!target) return issue([...path, 'documents', i], `no document "${id}" in this action`);
            if (target.supply !== 'REGISTRY') issue([...path, 'documents', i], `"${id}" is not a REGISTRY document`);
            if (target.registryFact !== doc.registryFact) issue([...path, 'documents', i], `"${id}" holds ${target.registryFact}, not ${doc.registryFact}`);
            if (!sameApplicants(target.appliesTo, doc.appliesTo)) issue([...path, 'documents', i], `"${id}" applies to other applicants than "${doc.id}"`);
          });
          const onOffice = targets.every((t) => t?.channels.includes('OFFICE'));
          if (doc.standsInFor.onlyWhenRegistryDown !== onOffice) {
            issue(
              [...path, 'onlyWhenRegistryDown'],
              onOffice
                ? 'the registry document is read at the office too, so the scan is asked only when the registry is down'
                : 'the registry document is portal-only, so the office list asks for this document in any case',
            );
          }
        }
      });
    });
    e.refusalGrounds.forEach((g, i) => {
      for (const k of g.actions ?? []) if (!kinds.includes(k)) issue(['refusalGrounds', i, 'actions'], `no action ${k} in this entry`);
    });
    if (!unique(e.refusalGrounds.map((g) => g.code))) issue(['refusalGrounds'], 'refusal codes repeat');
    for (const k of Object.keys(e.fee.amountMrp ?? {})) {
      if (!kinds.includes(k as ActionKind)) issue(['fee', 'amountMrp', k], `no action ${k} in this entry`);
    }
    for (const flow of ['OFFICE', 'PORTAL'] as const) {
      const orders = e.processSteps.filter((s) => s.flow === flow).map((s) => s.order);
      if (orders.some((o, i) => o !== i + 1)) issue(['processSteps'], `${flow} steps must be numbered 1, 2, 3… in order`);
    }
  });
export type CatalogEntry = z.infer<typeof CatalogEntry>;
