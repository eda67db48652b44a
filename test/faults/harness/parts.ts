/**
 * THE PARTS OF THE GRAPH, as the fault harness starts them: one table, edited in one place.
 *
 * Each part runs as its own OS process with the production settings (NODE_ENV=production, REDIS_URL, a
 * CACHE_KEY_SECRET, DATABASE_URL to the harness's own PostgreSQL, the mocks' test issuer, CA and partners as
 * scripts/start.ts passes them), from its sources or compiled (`entry` below).
 * The mock registries are not a part: they run inside the test process (mocks/src/http.ts) so a test can
 * make one slow, read its journal, and mark fees paid.
 */
import type { RegistryName } from '@egov/contracts';

/**
 * How a part's process is started: the Node arguments, relative to the repository root. By default through
 * tsx from the sources (the workspace packages' `source` export condition, so nothing needs building);
 * with FAULT_COMPILED=1 the compiled entry exactly as the image runs it (`npm run build` first).
 */
function entry(source: string): string[] {
  if (process.env.FAULT_COMPILED === '1') return [source.replace(/src\/index\.ts$/, 'dist/index.js')];
  return ['--conditions=source', '--import', 'tsx', source];
}

export interface SubgraphPart {
  kind: 'subgraph';
  /** The process name: the `service` field of every log line it writes. */
  name: string;
  args: string[];
  /** The gateway finds this subgraph at this variable. */
  urlEnv: string;
  /** Its SDL (entity types with @key are probed with `_entities`). */
  sdl: string;
  /**
   * A read that goes to one registry, direct to this subgraph: used to keep requests in flight behind a slow
   * registry. `ids` picks which fixture records it is asked about. `as` is who asks: an all-scopes partner
   * (the default), or the person `id` names, signed in as a citizen (for what only an applicant may read).
   */
  read: {
    registry: RegistryName;
    ids: 'persons' | 'entities';
    as?: 'partner' | 'citizen';
    query: string;
    variables: (id: string) => Record<string, unknown>;
  };
}

export interface GatewayPart {
  kind: 'gateway';
  name: 'gateway';
  args: string[];
}

export type Part = SubgraphPart | GatewayPart;

const personEntity = (selection: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { ${selection} } } }`;

export const PARTS = {
  individuals: {
    kind: 'subgraph',
    name: 'individuals',
    args: entry('subgraphs/individuals/src/index.ts'),
    urlEnv: 'INDIVIDUALS_SUBGRAPH_URL',
    sdl: 'subgraphs/individuals/src/schema.graphql',
    read: { registry: 'individuals', ids: 'persons', query: `query($iin: IIN!) { person(iin: $iin) { fullName } }`, variables: (iin) => ({ iin }) },
  },
  'legal-entities': {
    kind: 'subgraph',
    name: 'legal-entities',
    args: entry('subgraphs/legal-entities/src/index.ts'),
    urlEnv: 'LEGAL_ENTITIES_SUBGRAPH_URL',
    sdl: 'subgraphs/legal-entities/src/schema.graphql',
    read: { registry: 'legal-entities', ids: 'entities', query: `query($bin: BIN!) { legalEntity(bin: $bin) { shortName } }`, variables: (bin) => ({ bin }) },
  },
  payments: {
    kind: 'subgraph',
    name: 'payments',
    args: entry('subgraphs/payments/src/index.ts'),
    urlEnv: 'PAYMENTS_SUBGRAPH_URL',
    sdl: 'subgraphs/payments/src/schema.graphql',
    read: { registry: 'payments', ids: 'persons', query: personEntity('payments { id }'), variables: (iin) => ({ reps: [{ __typename: 'Person', iin }] }) },
  },
  licensing: {
    kind: 'subgraph',
    name: 'licensing',
    args: entry('subgraphs/licensing/src/index.ts'),
    urlEnv: 'LICENSING_SUBGRAPH_URL',
    sdl: 'subgraphs/licensing/src/schema.graphql',
    read: {
      registry: 'licensing',
      ids: 'persons',
      query: personEntity('licenses { number }'),
      variables: (iin) => ({ reps: [{ __typename: 'Person', iin }] }),
    },
  },
  applications: {
    kind: 'subgraph',
    name: 'applications',
    args: entry('subgraphs/applications/src/index.ts'),
    urlEnv: 'APPLICATIONS_SUBGRAPH_URL',
    sdl: 'subgraphs/applications/src/schema.graphql',
    // A person's applications are PostgreSQL, not a registry. What waits on the registries is a draft: it reads
    // the applicant afresh from ГБД ФЛ (and the others), and only the applicant may ask for it (partners may not
    // act for an applicant), so the person asks for their own.
    read: {
      registry: 'individuals',
      ids: 'persons',
      as: 'citizen',
      query: `query($iin: ApplicantId!) { applicationDraft(serviceCode: "state-symbols-licence", action: ISSUE, applicantId: $iin) { eligible } }`,
      variables: (iin) => ({ iin }),
    },
  },
  gateway: { kind: 'gateway', name: 'gateway', args: entry('gateway/src/index.ts') },
} as const satisfies Record<string, Part>;

export type PartName = keyof typeof PARTS;
export const SUBGRAPH_PARTS = (Object.keys(PARTS) as PartName[]).filter((name) => PARTS[name].kind === 'subgraph') as Exclude<PartName, 'gateway'>[];

/**
 * The process that takes scans (POST /attachments), submissions and their idempotency keys, and runs the
 * outbox; and where it keeps them in PostgreSQL. `applications` (and its schema) after the redesign.
 */
export const SUBMISSIONS = {
  part: 'applications',
  /** Its tables: one row per accepted application (applicant_id, idempotency_key, number), per stored scan, per delivery due. */
  tables: { applications: 'applications.applications', attachments: 'applications.attachments', outbox: 'applications.outbox' },
  /** Its environment variable for where scans are kept. */
  attachmentsDirEnv: 'ATTACHMENTS_DIR',
} as const satisfies { part: PartName; tables: Record<'applications' | 'attachments' | 'outbox', string>; attachmentsDirEnv: string };
