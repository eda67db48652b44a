import { createPool, type Pool } from '../db/index.js';
import { createLogger, type Logger } from '../log.js';
import { RegistryClient } from '../registry/index.js';
import { createSubgraphSecurity, type SecurityConfig, type SubgraphSecurity } from '../security.js';
import type { RegistryName } from '../upstream/index.js';
import type { SubgraphOptions } from './subgraph-server.js';

export interface RegistryEndpoint {
  baseUrl: string;
  timeoutMs: number;
}

/** What every subgraph's configuration has besides its own registries. */
export interface SubgraphBaseConfig {
  /** PostgreSQL: the audit trail (and, for licensing, applications). */
  databaseUrl: string;
  security: SecurityConfig;
  /** ГБД ЮЛ, asked which companies a citizen heads or founded (for authorization). */
  relations: RegistryEndpoint;
}

export interface SubgraphKit {
  logger: Logger;
  clock: () => Date;
  pool: Pool;
  security: SubgraphSecurity;
  client(registry: RegistryName, endpoint: RegistryEndpoint): RegistryClient;
}

/** The parts every subgraph is built from, made the same way for all four. */
export function createSubgraphKit(service: string, config: SubgraphBaseConfig, options: SubgraphOptions): SubgraphKit {
  const logger = options.logger ?? createLogger(service);
  const pool = createPool(config.databaseUrl, { applicationName: service });
  const client = (registry: RegistryName, endpoint: RegistryEndpoint) => new RegistryClient({ registry, ...options.registryClient, ...endpoint, logger });
  const security = createSubgraphSecurity(config.security, { service, pool, legalEntities: client('legal-entities', config.relations), cache: options.cache, logger });
  return { logger, clock: options.clock ?? (() => new Date()), pool, security, client };
}
