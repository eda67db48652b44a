import type { RegistryCache, RegistryClient } from '@egov/registry-client';

/** What /health reports about the registries: the cache backend and each upstream's circuit. */
export function registryHealth(clients: readonly RegistryClient[], cache?: RegistryCache) {
  return () => ({
    cache: cache ? (cache.store.health() === 'ok' ? cache.store.kind : 'degraded') : 'off',
    registries: Object.fromEntries(clients.map((c) => [c.registry, c.circuit === 'CLOSED' ? 'ok' : c.circuit === 'OPEN' ? 'circuit-open' : 'probing'])),
  });
}
