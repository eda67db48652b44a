import type { SubgraphName } from '@egov/schema';
import type { Caller } from '../auth.js';
import type { BenchFixtures } from './fixtures.js';

/** Per-connection scratch space: what the first request of a sequence chose, for the next ones and the checks. */
export type Ctx = Record<string, unknown>;

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** One HTTP request of a scenario's per-connection sequence. */
export interface Step {
  name: string;
  body(ctx: Ctx): GraphQLBody;
  /** null when `data` is the right answer for what `body` asked, otherwise what is wrong. */
  check(data: any, ctx: Ctx): string | null;
}

/** Calls one subgraph directly; resolves to `data`, rejects on HTTP or GraphQL errors. */
export type SubgraphCall = (subgraph: SubgraphName, body: GraphQLBody) => Promise<any>;

export type Floor =
  /** Everything the scenario asks lives in one subgraph: the same requests go straight to it. */
  | { kind: 'subgraph'; subgraph: SubgraphName }
  /** The client joins across subgraphs itself; resolves to null when the joined answer is right. */
  | { kind: 'custom'; run(call: SubgraphCall, ctx: Ctx): Promise<string | null> };

export interface ScenarioDriver {
  steps: Step[];
  floor: Floor;
  /** Who sends the request the context describes (after the first step chose its inputs); null: anonymous. */
  caller(ctx: Ctx): Caller;
}

/** A prepared S4 submission: a legal entity with a paid, unused fee and an uploaded, unclaimed scan. */
export interface Submission {
  bin: string;
  scanId: string;
  /** Chosen when the submission was signed (the signature covers the key). */
  idempotencyKey: string;
  /** The applicant's detached CMS signature, by the company's head. */
  signature: string;
}

/** Inputs shared by every run in the load process. */
export interface Inputs {
  fx: BenchFixtures;
  /** The next IIN of the walk (a different one on every request). */
  nextIin(): string;
  /** S6: the next request's user (USERS of them, each USER_REQUESTS times over the walk; see usersWalk). */
  nextUser(): string;
  /** The next prepared submission, or null when the run's pool is used up. */
  nextSubmission(): Submission | null;
  catalogCodes: string[];
}
