import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningGraph, startGraph } from '@egov/e2e/support';
import { createRegistryState, type RunningDevIdentity, startDevIdentity } from '@egov/mocks';

const portalRoot = new URL('../../', import.meta.url).pathname;
export const PORTAL_DIST = join(portalRoot, 'dist');
export const TRUSTED_DOCUMENTS = join(portalRoot, 'src', 'generated', 'persisted-documents.json');

export interface PortalGraph {
  graph: RunningGraph;
  identity: RunningDevIdentity;
  /** The portal's origin: the gateway, which also answers /graphql and /attachments. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The whole graph in this process on free ports (test/support's startGraph), with the gateway serving the
 * built portal and holding portal tokens to its trusted documents, beside the mocks' test identity
 * provider and test-key signer, which the portal's settings point at.
 */
export async function startPortalGraph(options: { clock: () => Date }): Promise<PortalGraph> {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) throw new Error('portal/dist is missing: `npm test -w @egov/portal` builds it first (vite build)');
  // The same deterministic fixtures the graph's registries hold, for the sign-in page's names.
  const identity = await startDevIdentity({ state: createRegistryState({ persons: 200 }), env: {} });
  const graph = await startGraph({
    clock: options.clock,
    // No retries and a short open circuit: an outage shows at once, and the registry's return is seen at once.
    registryClient: { retries: 0, breaker: { failureThreshold: 5, openMs: 300 } },
    gateway: {
      portal: {
        dir: PORTAL_DIST,
        settings: { signIn: { authorizeUrl: identity.authorizeUrl, clientId: 'egov-portal' }, signing: { kind: 'test-key', url: identity.signUrl } },
      },
      persistedOperations: { file: TRUSTED_DOCUMENTS, onlyFor: ['portal'] },
    },
  });
  return {
    graph,
    identity,
    origin: graph.gatewayBase,
    close: async () => {
      await graph.close();
      await identity.close();
    },
  };
}
