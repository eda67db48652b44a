import type { SubgraphName } from '@egov/schema';
import type { ScenarioId } from './scenarios/ids.js';
import type { Submission } from './scenarios/types.js';

/** What the orchestrator and the load process (load.ts) say to each other, one JSON object per line. */
export interface RunCommand {
  id: number;
  cmd: 'run';
  scenario: ScenarioId;
  /** `gateway`: autocannon against `url`; `floor`: no gateway, straight to the subgraphs. */
  mode: 'gateway' | 'floor';
  url?: string;
  subgraphUrls: Record<SubgraphName, string>;
  connections: number;
  /** Seconds of load, or `amount` requests one after another (a probe). */
  durationS?: number;
  amount?: number;
  /**
   * Requests per second, evenly spaced (at most `connections` in flight): a latency measurement well
   * below capacity instead of a closed loop at full speed (S5).
   */
  rate?: number;
  /** Check every n-th response against the fixtures (all of them get the status/errors check). */
  validateEvery: number;
  headers?: Record<string, string>;
  submissions?: Submission[];
  /** Measure one registry round trip during the run (S5): sequential calls to this individuals-registry URL. */
  roundTripUrl?: string;
}

export interface LoadResult {
  /** Requests sent, answered or not (autocannon drops the ones in flight when time is up). */
  sent: number;
  responses: number;
  valid: number;
  invalid: number;
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  connErrors: number;
  timeouts: number;
  durationS: number;
  /** Valid responses per second. */
  rps: number;
  latencyMs: { p50: number | null; p99: number | null; mean: number | null; max: number | null };
  /** Responses checked against the fixtures. */
  checked: number;
  /** The first few distinct problems. */
  problems: string[];
  submissionsUsed: number;
  roundTrip?: { p50: number | null; p99: number | null; calls: number };
}
