/**
 * The gateway decides whether a request is traced before any span is made (head sampling), from the standard
 * OTEL_TRACES_SAMPLER/OTEL_TRACES_SAMPLER_ARG. A request it does not trace then costs the tracing plugin nothing
 * at all, where a sampler in the SDK would still have every span created, as non-recording ones, and every hook
 * run: with one in ten traced, that was most of the plugin's cost. The SDK then records the server span of every
 * request the gateway chose to trace (sdk/gateway-sampler.ts), so the ratio is applied once; other root spans
 * (schema loading) keep the ratio.
 */

type Env = Record<string, string | undefined>;

const WHOLE = new Set(['always_on', 'parentbased_always_on']);
const NONE = new Set(['always_off', 'parentbased_always_off']);
const RATIO = new Set(['traceidratio', 'parentbased_traceidratio']);

/**
 * The share of requests to trace, for the samplers the gateway can apply itself; null for any other sampler
 * (the SDK's own sampling then stays in charge). With no sampler named, OpenTelemetry's default traces all.
 */
export function headSamplingRatio(env: Env = process.env): number | null {
  const sampler = (env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase();
  if (WHOLE.has(sampler)) return 1;
  if (NONE.has(sampler)) return 0;
  if (!RATIO.has(sampler)) return null;
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  // The specification's rule for a bad argument: the default, 1.
  return Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 1;
}

let ratio: number | null = null;

/** Set by startTracing in the gateway: from now on requests are sampled here, not in the SDK. */
export function useHeadSampling(share: number): void {
  ratio = share;
}

/** Whether to trace one more request: always when the gateway does not sample itself (the SDK does). */
export function sampleRequest(): boolean {
  return ratio === null || ratio >= 1 || (ratio > 0 && Math.random() < ratio);
}

/**
 * A W3C traceparent that carries "not sampled" under fresh ids, for the subgraphs of a request the gateway did
 * not trace: their parent-based samplers follow it instead of starting traces of their own, with no gateway
 * span to hang from.
 */
export function unsampledTraceparent(randomHex: (bytes: number) => string): string {
  return `00-${randomHex(16)}-${randomHex(8)}-00`;
}
