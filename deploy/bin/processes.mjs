/**
 * The processes one image can run, and where each one's compiled entry lives.
 *
 * A process is found by its workspace package name, not by a folder path, so the table survives the
 * workspaces moving (subgraphs/shared → packages/*): npm links every workspace under node_modules/@egov.
 * `file` is relative to that package's folder and must be compiled JavaScript (`npm run build`).
 *
 * `nodeOptions` (services only): the Node flags the process runs with in production, NODE_OPTIONS of its Kubernetes
 * Deployment (deploy/tests/k8s.test.ts checks the manifests against this table, and that the heap fits the pod's
 * memory limit) and of the bench's processes (bench/src/run.ts), so what is measured is what is deployed.
 *
 * `preload` (optional): compiled modules of the same package imported before `file`, in order, exactly like
 * `node --import <module> <file>`. None is needed for tracing: each process's entry starts OpenTelemetry itself
 * before importing anything else (@egov/telemetry/sdk), so its module hooks see http, pg and ioredis load.
 */
// V8's heap (old space, plus three semi-spaces of young generation) and Node's memory outside it must fit the pod's
// memory limit together, so V8 collects before the kernel kills the pod; the semi-space is pinned (Node 20's default)
// so a Node upgrade cannot grow the young generation unseen. The measurements behind the numbers, live data under
// load included, are in docs/operations.md ("Memory"); deploy/tests/k8s.test.ts checks each sum against the limit.
const GATEWAY_NODE_OPTIONS = '--max-old-space-size=320 --max-semi-space-size=16';
const SUBGRAPH_NODE_OPTIONS = '--max-old-space-size=224 --max-semi-space-size=16';
const APPLICATIONS_NODE_OPTIONS = '--max-old-space-size=512 --max-semi-space-size=16';

/**
 * @typedef {'gateway' | 'individuals' | 'legal-entities' | 'payments' | 'licensing' | 'applications' | 'migrate' | 'mocks'} ProcessName
 * @typedef {{ pkg: string; file: string; preload?: string[]; port: number | null; about: string; nodeOptions?: string }} ProcessEntry
 * @type {Readonly<Record<ProcessName, ProcessEntry>>}
 */
export const PROCESSES = Object.freeze({
  gateway: { pkg: '@egov/gateway', file: 'dist/index.js', port: 4000, about: 'the GraphQL gateway (Hive runtime)', nodeOptions: GATEWAY_NODE_OPTIONS },
  individuals: { pkg: '@egov/individuals', file: 'dist/index.js', port: 4001, about: 'subgraph over ГБД ФЛ', nodeOptions: SUBGRAPH_NODE_OPTIONS },
  'legal-entities': { pkg: '@egov/legal-entities', file: 'dist/index.js', port: 4002, about: 'subgraph over ГБД ЮЛ', nodeOptions: SUBGRAPH_NODE_OPTIONS },
  payments: { pkg: '@egov/payments', file: 'dist/index.js', port: 4003, about: 'subgraph over ПШЭП', nodeOptions: SUBGRAPH_NODE_OPTIONS },
  licensing: { pkg: '@egov/licensing', file: 'dist/index.js', port: 4004, about: 'subgraph over Е-лицензирование', nodeOptions: SUBGRAPH_NODE_OPTIONS },
  applications: {
    pkg: '@egov/applications',
    file: 'dist/index.js',
    port: 4005,
    about: 'drafts, submissions, scans, outbox',
    nodeOptions: APPLICATIONS_NODE_OPTIONS,
  },
  // Applies every component's SQL migrations to DATABASE_URL, then exits (the Kubernetes Job runs it). It is the
  // applications package's because that one knows every component with tables (the audit trail and its own);
  // @egov/stores, below them, cannot import them.
  migrate: { pkg: '@egov/applications', file: 'dist/migrate-cli.js', port: null, about: 'database migrations, then exit' },
  // The mock registries (ports 4101-4104) and consents service (4105): for staging and the local stack, never for production.
  mocks: { pkg: '@egov/mocks', file: 'dist/cli.js', port: 4101, about: 'mock state registries' },
});

/** @type {readonly ProcessName[]} */
export const PROCESS_NAMES = Object.freeze(/** @type {ProcessName[]} */ (Object.keys(PROCESSES)));
