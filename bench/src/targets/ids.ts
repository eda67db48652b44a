import type { ScenarioId } from '../scenarios/ids.js';
import { SCENARIOS } from '../scenarios/ids.js';

/** What each scenario is run against. Order is the row order of the report. */
export const TARGET_IDS = ['ours', 'apollo', 'hive', 'hive-dedup', 'hive-nodedup', 'floor', 'bare'] as const;
export type TargetId = (typeof TARGET_IDS)[number];
/** The targets that are a gateway process (what the profile step can profile). */
export const GATEWAY_TARGET_IDS = ['ours', 'apollo', 'hive', 'hive-dedup', 'hive-nodedup'] as const satisfies readonly TargetId[];
export type GatewayTargetId = (typeof GATEWAY_TARGET_IDS)[number];

export interface TargetInfo {
  label: string;
  description: string;
  /** A gateway process whose CPU and memory are measured (the floor has none). */
  gateway: boolean;
}

export const TARGETS: Record<TargetId, TargetInfo> = {
  ours: {
    label: 'ours (@egov/gateway)',
    description: 'gateway/src/index.ts as deployed: NODE_ENV=production, every feature the package turns on from its environment',
    gateway: true,
  },
  apollo: {
    label: 'vanilla @apollo/gateway',
    description:
      "@apollo/gateway 2.14.4 (JS query planner) on @apollo/server 5.5.1 standalone, defaults, plus passing `authorization`/`x-purpose` on to the subgraphs and dropping `for: SECURITY` from the supergraph's @link of @authenticated/@requiresScopes (Router-only features it refuses to load; the subgraphs enforce them)",
    gateway: true,
  },
  hive: {
    label: 'vanilla Hive runtime, dedup off',
    description:
      "createGatewayRuntime({ supergraph, unifiedGraphHandler }) from @graphql-hive/gateway-runtime 2.12.1 + @graphql-hive/router-runtime 1.4.23 (Rust planner), defaults (plus passing `authorization`/`x-purpose` on to the subgraphs): inboundInflightRequestDeduplication off; the HTTP transport still merges identical in-flight subgraph fetches by default (ours merges only anonymous ones: a signed-in request's fetches carry its own request id, each an audited read of its own)",
    gateway: true,
  },
  'hive-dedup': {
    label: 'vanilla Hive runtime, dedup on',
    description: 'as "hive", plus inboundInflightRequestDeduplication: true (identical in-flight client requests share one execution)',
    gateway: true,
  },
  'hive-nodedup': {
    label: 'vanilla Hive runtime, no dedup at all',
    description:
      'as "hive", plus transportEntries["*.http"].options.deduplicateInflightRequests = false: nothing merged anywhere, like @apollo/gateway (run only where requests repeat: S2, S3)',
    gateway: true,
  },
  floor: {
    label: 'no gateway (floor)',
    description: 'the load process calls the subgraphs itself, in parallel where the data allows (what any gateway costs on top of this)',
    gateway: false,
  },
  bare: {
    label: 'bare @apollo/subgraph (no gateway, from memory)',
    description:
      'the floor\'s calls answered by the same four subgraph SDLs on bare @apollo/subgraph + @apollo/server standalone, from the fixture set in memory: no tokens, authorization, audit, cache or registries (src/targets/bare-subgraphs.ts); its subgraph CPU per call is the baseline of "CPU per subgraph call ≤ 2× bare"',
    gateway: false,
  },
};

/**
 * Targets run for a scenario: "hive-nodedup" only differs from "hive" where identical requests overlap; "bare"
 * only answers the prefill's entity queries.
 */
export function scenarioTargets(scenario: ScenarioId, requested: readonly TargetId[]): TargetId[] {
  return TARGET_IDS.filter(
    (t) =>
      requested.includes(t) && (t !== 'hive-nodedup' || SCENARIOS[scenario].identicalRequests) && (t !== 'bare' || SCENARIOS[scenario].bareBaseline === true),
  );
}
