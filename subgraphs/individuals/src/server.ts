import { StaleRecorder } from '@egov/registry-client';
import { createSubgraphKit, createSubgraphServer, loadTypeDefs, registryHealth, type SubgraphOptions } from '@egov/subgraph-kit';
import type { IndividualsConfig } from './config.js';
import type { Context } from './context.js';
import { inputRules } from './inputs.js';
import { createIndividualsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { type IndividualsConfig, loadConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The individuals subgraph (ГБД ФЛ): Person by IIN, who read whose data (the audit trail), and the citizen's consents. */
export function createIndividualsSubgraph(config: Omit<IndividualsConfig, 'port'>, options: SubgraphOptions = {}) {
  const kit = createSubgraphKit('individuals', config, options);
  const client = kit.client('individuals', config.registry);
  return createSubgraphServer<Context>({
    name: 'individuals',
    typeDefs,
    resolvers,
    logger: kit.logger,
    security: kit.security,
    ...kit.observability,
    inputs: inputRules,
    guard: { Person: (person: { iin: string }) => ({ kind: 'person', iin: person.iin }) },
    context: async (_req, auth) => {
      const stale = new StaleRecorder();
      return {
        auth,
        registry: createIndividualsRegistry(client, options.cache, stale),
        stale,
        now: kit.clock(),
        audit: kit.security.audit,
        partners: kit.security.partners,
        agencies: kit.security.authz.agencies,
        consents: kit.security.consents,
        logger: kit.logger,
      };
    },
    // The consent service's circuit too: while it is open, partners' reads that need consent are refused.
    health: registryHealth(kit.security.consents.client ? [client, kit.security.consents.client] : [client], options.cache),
    readiness: kit.readiness,
    afterStop: () => kit.pool.end(),
  });
}
