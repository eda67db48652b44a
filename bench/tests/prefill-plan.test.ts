import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { type PlanNode as ApolloNode, QueryPlanner as ApolloPlanner } from '@apollo/query-planner';
import { readSupergraph, repoRoot } from '@egov/schema';
import { type PlanNode as HiveNode, QueryPlanner as HivePlanner } from '@graphql-hive/router-query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PARALLEL_PREFILL_QUERY, PREFILL_QUERY } from '../src/scenarios/s1-prefill.js';
import { withoutSecurityPurpose } from '../src/targets/supergraph.js';

/*
 * S5's target needs the four registries read at once. That is a property of the operation and the graph, not
 * of a router: these tests ask two Federation query planners (Hive Router's, which our gateway runs, and
 * Apollo's reference planner, which @apollo/gateway runs) for their plans. No timing is asserted here.
 */

/** The stages of a plan: each is the set of subgraphs fetched together; entity fetches are marked with "→". */
type Stages = string[][];

function hiveStages(node: HiveNode | undefined): Stages {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [[node.serviceName]];
    case 'Flatten':
      return hiveStages(node.node).map((stage) => stage.map((s) => `→${s}`));
    case 'Sequence':
      return node.nodes.flatMap(hiveStages);
    case 'Parallel':
      return [node.nodes.flatMap((n) => hiveStages(n).flat()).sort()];
    default:
      throw new Error(`unexpected plan node ${node.kind}`);
  }
}

function apolloStages(node: ApolloNode | undefined): Stages {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [[node.serviceName]];
    case 'Flatten':
      return apolloStages(node.node).map((stage) => stage.map((s) => `→${s}`));
    case 'Sequence':
      return node.nodes.flatMap(apolloStages);
    case 'Parallel':
      return [node.nodes.flatMap((n) => apolloStages(n).flat()).sort()];
    default:
      throw new Error(`unexpected plan node ${node.kind}`);
  }
}

const supergraph = readSupergraph();
const hive = new HivePlanner(supergraph);
const apolloSupergraph = Supergraph.build(withoutSecurityPurpose(supergraph));
const apollo = new ApolloPlanner(apolloSupergraph);

const planWithHive = (query: string, operationName: string) => hiveStages(hive.plan(query, operationName, new Set(), 0).node);
const planWithApollo = (query: string, operationName: string) =>
  apolloStages(apollo.buildQueryPlan(operationFromDocument(apolloSupergraph.schema, parse(query), { operationName })).node as ApolloNode | undefined);

const FOUR_AT_ONCE = [['individuals', 'legal-entities', 'licensing', 'payments']];

describe("the portal's prefill is one parallel stage under any Federation planner", () => {
  it('Hive Router (our gateway) fetches person, legalEntitiesOf, licensesOf and paymentsOf from the four subgraphs at once', () => {
    expect(planWithHive(PARALLEL_PREFILL_QUERY, 'ParallelPrefill')).toEqual(FOUR_AT_ONCE);
  });

  it("Apollo's reference planner (@apollo/gateway) makes the same single stage", () => {
    expect(planWithApollo(PARALLEL_PREFILL_QUERY, 'ParallelPrefill')).toEqual(FOUR_AT_ONCE);
  });

  it('the nested person(iin) prefill (S1) still works, in two stages: the person first, then three entity fetches with its key', () => {
    const twoStages = [['individuals'], ['→legal-entities', '→licensing', '→payments']];
    expect(planWithHive(PREFILL_QUERY, 'Prefill')).toEqual(twoStages);
    expect(planWithApollo(PREFILL_QUERY, 'Prefill')).toEqual(twoStages);
  });

  it("the portal's apply page reads the service, the person and the companies they head in one stage", () => {
    const query = applyContextOperation();
    const stage = [['applications', 'individuals', 'legal-entities']];
    expect(planWithHive(query, 'ApplyContext')).toEqual(stage);
    expect(planWithApollo(query, 'ApplyContext')).toEqual(stage);
  });
});

/** The apply page's ApplyContext as the portal sends it: from its persisted-operations manifest (codegen). */
function applyContextOperation(): string {
  const manifest = readPortalManifest();
  const query = Object.values(manifest).find((text) => /\bquery ApplyContext\b/.test(text));
  if (!query) throw new Error('the portal manifest has no ApplyContext operation');
  return query;
}

function readPortalManifest(): Record<string, string> {
  return JSON.parse(readFileSync(`${repoRoot}/portal/src/generated/persisted-documents.json`, 'utf8')) as Record<string, string>;
}
