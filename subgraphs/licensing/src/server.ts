import { type ApplicantRef, applicantIdOf } from '@egov/contracts';
import { StaleRecorder } from '@egov/registry-client';
import { createSubgraphKit, createSubgraphServer, loadTypeDefs, registryHealth, type SubgraphOptions } from '@egov/subgraph-kit';
import type { LicensingConfig } from './config.js';
import type { Context } from './context.js';
import { inputRules } from './inputs.js';
import { createLicensingRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';
import { licenceResource } from './resolvers/license.js';

export { type LicensingConfig, loadConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The licensing subgraph (Е-лицензирование): licences by number and by holder. */
export function createLicensingSubgraph(config: Omit<LicensingConfig, 'port'>, options: SubgraphOptions = {}) {
  const kit = createSubgraphKit('licensing', config, options);
  const client = kit.client('licensing', config.registry);
  return createSubgraphServer<Context>({
    name: 'licensing',
    typeDefs,
    resolvers,
    logger: kit.logger,
    security: kit.security,
    ...kit.observability,
    inputs: inputRules,
    guard: {
      License: licenceResource,
      Person: (person: { iin: string }) => ({ kind: 'licences', holderId: person.iin }),
      LegalEntity: (entity: { bin: string }) => ({ kind: 'licences', holderId: entity.bin }),
      // licensesOf(holderId:) reads what Person.licenses / LegalEntity.licenses read.
      Query: (_root: unknown, field: string, args: { holderId?: ApplicantRef }) =>
        field === 'licensesOf' && args.holderId ? { kind: 'licences', holderId: applicantIdOf(args.holderId) } : null,
    },
    context: async (_req, auth) => {
      const stale = new StaleRecorder();
      return { auth, stale, registry: createLicensingRegistry(client, options.cache, stale) };
    },
    health: registryHealth([client], options.cache),
    readiness: kit.readiness,
    afterStop: () => kit.pool.end(),
  });
}
