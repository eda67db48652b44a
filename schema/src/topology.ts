import { fileURLToPath } from 'node:url';

/**
 * Where every part of the graph lives. Names, ports and the environment variables that override the
 * URLs are defined here once; servers, the composition and the tests all read them from here.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const SUBGRAPH_NAMES = ['individuals', 'legal-entities', 'payments', 'licensing', 'applications'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The upstream registries; each of the first four subgraphs wraps one, applications reads them all; individuals also asks the consents service. */
export const REGISTRY_NAMES = ['individuals', 'legal-entities', 'payments', 'licensing', 'consents'] as const;
export type RegistryName = (typeof REGISTRY_NAMES)[number];

interface SubgraphPlace {
  port: number;
  /** Overrides the routing URL the gateway uses, e.g. in a container network. */
  urlEnv: string;
  /** The subgraph's SDL, relative to the repository root. */
  sdl: string;
}

export const subgraphs: Record<SubgraphName, SubgraphPlace> = {
  individuals: { port: 4001, urlEnv: 'INDIVIDUALS_SUBGRAPH_URL', sdl: 'subgraphs/individuals/src/schema.graphql' },
  'legal-entities': { port: 4002, urlEnv: 'LEGAL_ENTITIES_SUBGRAPH_URL', sdl: 'subgraphs/legal-entities/src/schema.graphql' },
  payments: { port: 4003, urlEnv: 'PAYMENTS_SUBGRAPH_URL', sdl: 'subgraphs/payments/src/schema.graphql' },
  licensing: { port: 4004, urlEnv: 'LICENSING_SUBGRAPH_URL', sdl: 'subgraphs/licensing/src/schema.graphql' },
  applications: { port: 4005, urlEnv: 'APPLICATIONS_SUBGRAPH_URL', sdl: 'subgraphs/applications/src/schema.graphql' },
};

/** The upstream registries; in development the mocks serve each on its own port. */
export const registries: Record<RegistryName, { port: number; urlEnv: string }> = {
  individuals: { port: 4101, urlEnv: 'INDIVIDUALS_REGISTRY_URL' },
  'legal-entities': { port: 4102, urlEnv: 'LEGAL_ENTITIES_REGISTRY_URL' },
  payments: { port: 4103, urlEnv: 'PAYMENTS_REGISTRY_URL' },
  licensing: { port: 4104, urlEnv: 'LICENSING_REGISTRY_URL' },
  /** The personal-data access control service (consents to partners' reads). */
  consents: { port: 4105, urlEnv: 'CONSENTS_REGISTRY_URL' },
};

export const gateway = { port: 4000, path: '/graphql', portEnv: 'PORT' } as const;

/** The mocks' test identity provider and test-key signer for the portal in a browser: development only. */
export const devIdentity = { port: 4100, portEnv: 'DEV_IDENTITY_PORT' } as const;

type Env = Record<string, string | undefined>;

export function subgraphUrl(name: SubgraphName, env: Env = process.env): string {
  return env[subgraphs[name].urlEnv] || `http://127.0.0.1:${subgraphs[name].port}/graphql`;
}

export function registryUrl(name: RegistryName, env: Env = process.env): string {
  return env[registries[name].urlEnv] || `http://127.0.0.1:${registries[name].port}`;
}
