import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplicationsSubgraph } from '@egov/applications';
import { createLogger } from '@egov/core';
import { type GatewayConfig, type RunningGateway, startGateway } from '@egov/gateway';
import { createGatewayLogger } from '@egov/gateway/logger';
import { createIndividualsSubgraph } from '@egov/individuals';
import { createLegalEntitiesSubgraph } from '@egov/legal-entities';
import { createLicensingSubgraph } from '@egov/licensing';
import { createRegistryState, DEV_FEE_RATES_FILE, type FixtureOptions, type RegistryState } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { testApplicationsConfig, testGatewayAuth, testSubgraphBase } from '@egov/mocks/testing';
import { createPaymentsSubgraph } from '@egov/payments';
import type { RegistryCache } from '@egov/registry-client';
import type { RegistryName, SubgraphName } from '@egov/schema';
import { readSupergraph } from '@egov/schema';
import type { RunningServer, SubgraphOptions } from '@egov/subgraph-kit';

export interface GraphOptions {
  fixtures?: FixtureOptions;
  registryTimeoutMs?: number;
  /** The applications subgraph's clock (to cross deadlines). */
  clock?: () => Date;
  /** A registry cache shared by the four subgraphs (as Redis would be); none by default. */
  cache?: RegistryCache;
  /** Retry, breaker and concurrency settings of every registry client. */
  registryClient?: SubgraphOptions['registryClient'];
  /** Gateway settings to override (limits, persisted operations, rate limits). */
  gateway?: Partial<GatewayConfig>;
  /** Where every log line of the graph goes (default stderr), and from which level (default LOG_LEVEL or error). */
  logs?: { level?: 'debug' | 'info' | 'warn' | 'error'; write?: (line: string) => void };
  /** Outbox timings of the applications subgraph; fast by default so tests need not wait. */
  delivery?: { pollMs?: number; leaseMs?: number; retryBaseMs?: number; retryCapMs?: number };
  /** Degraded-mode re-read timings of the applications subgraph; fast by default so tests need not wait. */
  registryCheck?: { pollMs?: number; leaseMs?: number; retryBaseMs?: number; retryCapMs?: number };
}

export interface RunningGraph {
  /** Stops the applications subgraph and starts a new one on the same port (in-flight requests finish first). */
  restartApplications(): Promise<void>;
  gatewayUrl: string;
  /** The gateway's origin, for /attachments and /health. */
  gatewayBase: string;
  /** The database holding the audit trail and the applications. */
  databaseUrl: string;
  /** The applications subgraph's application service (tests use it to run the deemed-issuance sweep). */
  applications: ReturnType<typeof createApplicationsSubgraph>['app'];
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningServer>;
  registries: MockRegistryServers;
  state: RegistryState;
  close(): Promise<void>;
}

/** Where each running subgraph answers GraphQL. */
export function subgraphUrls(subgraphs: Record<SubgraphName, RunningServer>): Record<SubgraphName, string> {
  return Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<SubgraphName, string>;
}

/** A development gateway over the subgraphs at `urls` as tests run it: the test issuer's tokens, test limits, a 5 s subgraph deadline. */
export function testGatewayConfig(urls: Record<SubgraphName, string>, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0,
    supergraph: readSupergraph(),
    subgraphUrls: urls,
    production: false,
    subgraphTimeoutMs: 5000,
    auth: testGatewayAuth(),
    limits: { maxDepth: 15, maxAliases: 30, maxCost: 50_000, maxTokens: 5_000, maxBodyBytes: 1024 * 1024 },
    ...overrides,
  };
}

/**
 * The whole graph in this process, every hop over real HTTP on free ports: mock registries, the five
 * subgraphs and the gateway. Logs are quiet unless LOG_LEVEL says otherwise.
 */
export async function startGraph(options: GraphOptions = {}): Promise<RunningGraph> {
  const level = options.logs?.level ?? (process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'error';
  const state = createRegistryState(options.fixtures ?? { persons: 200 });
  const registries = await new MockRegistryServers({ state }).startAll();
  const urls = registries.urls();
  const registry = (name: RegistryName) => ({ baseUrl: urls[name], timeoutMs: options.registryTimeoutMs ?? 2000 });
  const log = (name: string) => createLogger(name, { level, write: options.logs?.write });

  // One database holds the audit trail of every subgraph, and the applications.
  const { base, drop } = await testSubgraphBase(urls['legal-entities'], 'egov_e2e', options.registryTimeoutMs, urls.consents);
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'egov-e2e-scans-'));
  const shared = { cache: options.cache, registryClient: options.registryClient };
  const applicationsConfig = {
    ...base,
    ...testApplicationsConfig({ registry, attachments: { dir: attachmentsDir, maxFilesPerRequest: 20 } }),
    delivery: { pollMs: 200, leaseMs: 5_000, retryBaseMs: 100, retryCapMs: 1_000, ...options.delivery },
    registryCheck: { pollMs: 200, leaseMs: 5_000, retryBaseMs: 100, retryCapMs: 1_000, ...options.registryCheck },
  };
  let applications = createApplicationsSubgraph(applicationsConfig, { logger: log('applications'), clock: options.clock, ...shared });

  const subgraphs = {
    individuals: await createIndividualsSubgraph({ ...base, registry: registry('individuals') }, { logger: log('individuals'), ...shared }).start(0),
    'legal-entities': await createLegalEntitiesSubgraph(
      { ...base, registries: { legalEntities: registry('legal-entities'), individuals: registry('individuals') } },
      { logger: log('legal-entities'), ...shared },
    ).start(0),
    payments: await createPaymentsSubgraph(
      { ...base, registry: registry('payments'), fees: { rates: DEV_FEE_RATES_FILE } },
      { logger: log('payments'), clock: options.clock, ...shared },
    ).start(0),
    licensing: await createLicensingSubgraph({ ...base, registry: registry('licensing') }, { logger: log('licensing'), ...shared }).start(0),
    applications: await applications.start(0),
  } satisfies Record<SubgraphName, RunningServer>;

  const gateway = await startGateway(testGatewayConfig(subgraphUrls(subgraphs), options.gateway), '127.0.0.1', createGatewayLogger(level, options.logs?.write));

  const graph: RunningGraph = {
    async restartApplications() {
      const port = subgraphs.applications.port;
      await subgraphs.applications.close();
      applications = createApplicationsSubgraph(applicationsConfig, { logger: log('applications'), clock: options.clock, ...shared });
      subgraphs.applications = await applications.start(port);
      graph.applications = applications.app;
    },
    gatewayUrl: gateway.url,
    gatewayBase: gateway.url.replace(/\/graphql$/, ''),
    databaseUrl: base.databaseUrl,
    applications: applications.app,
    gateway,
    subgraphs,
    registries,
    state,
    async close() {
      await gateway.close();
      for (const subgraph of Object.values(subgraphs)) await subgraph.close();
      await registries.close();
      await drop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
  return graph;
}
