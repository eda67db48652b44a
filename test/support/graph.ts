import type { SubgraphName } from '@egov/schema';
import { readSupergraph } from '@egov/schema';
import { createLogger, type RunningServer } from '@egov/shared';
import { createRegistryState, type FixtureOptions, type RegistryState } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { createIndividualsSubgraph } from '@egov/individuals';
import { createLegalEntitiesSubgraph } from '@egov/legal-entities';
import { createPaymentsSubgraph } from '@egov/payments';
import { createLicensingSubgraph } from '@egov/licensing';
import { startGateway, type RunningGateway } from '@egov/gateway';
import { createGatewayLogger } from '@egov/gateway/logger';

export interface GraphOptions {
  fixtures?: FixtureOptions;
  registryTimeoutMs?: number;
}

export interface RunningGraph {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningServer>;
  registries: MockRegistryServers;
  state: RegistryState;
  close(): Promise<void>;
}

/**
 * The whole graph in this process, every hop over real HTTP on free ports: mock registries, the four
 * subgraphs and the gateway. Logs are quiet unless LOG_LEVEL says otherwise.
 */
export async function startGraph(options: GraphOptions = {}): Promise<RunningGraph> {
  const level = (process.env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'error';
  const state = createRegistryState(options.fixtures ?? { persons: 200 });
  const registries = await new MockRegistryServers({ state }).startAll();
  const urls = registries.urls();
  const registry = (name: SubgraphName) => ({ baseUrl: urls[name], timeoutMs: options.registryTimeoutMs ?? 2000 });
  const log = (name: string) => createLogger(name, { level });

  const subgraphs = {
    individuals: await createIndividualsSubgraph({ registry: registry('individuals') }, log('individuals')).start(0),
    'legal-entities': await createLegalEntitiesSubgraph(
      { registries: { legalEntities: registry('legal-entities'), individuals: registry('individuals') } },
      log('legal-entities'),
    ).start(0),
    payments: await createPaymentsSubgraph({ registry: registry('payments') }, log('payments')).start(0),
    licensing: await createLicensingSubgraph({ registry: registry('licensing') }, log('licensing')).start(0),
  } satisfies Record<SubgraphName, RunningServer>;

  const gateway = await startGateway(
    {
      port: 0,
      supergraph: readSupergraph(),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<SubgraphName, string>,
      production: false,
      subgraphTimeoutMs: 5000,
    },
    '127.0.0.1',
    createGatewayLogger(level === 'debug' ? 'debug' : level),
  );

  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    registries,
    state,
    async close() {
      await gateway.close();
      for (const subgraph of Object.values(subgraphs)) await subgraph.close();
      await registries.close();
    },
  };
}
