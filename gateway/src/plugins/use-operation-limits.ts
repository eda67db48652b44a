import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GatewayConfig } from '../config.js';

/**
 * Depth, alias, cost, token and directive limits on every incoming operation (graphql-armor), so one
 * request cannot make the gateway plan or the registries serve an unbounded amount of work.
 */
export function useOperationLimits(limits: GatewayConfig['limits'], production: boolean): GatewayPlugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    maxTokens: { n: limits.maxTokens, exposeLimits: true },
    maxDirectives: { n: 50, exposeLimits: true },
    // Field suggestions ("did you mean …") map the schema for an attacker; off where introspection is off.
    blockFieldSuggestion: { enabled: production },
  }) as GatewayPlugin;
}
