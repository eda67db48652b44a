import { type Attributes, type Context, type Link, SpanKind } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';

/**
 * The gateway's root sampler under head sampling: a request's server span exists only because the gateway
 * already chose to trace that request (use-tracing.ts), so it is recorded; any other root (loading the schema,
 * starting up) is sampled at the configured ratio, as the SDK would have.
 */
export class HeadSampledRoot implements Sampler {
  private readonly others: Sampler;

  constructor(ratio: number) {
    this.others = new TraceIdRatioBasedSampler(ratio);
  }

  shouldSample(context: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
    if (kind === SpanKind.SERVER) return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    return this.others.shouldSample(context, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `HeadSampledRoot{others=${this.others.toString()}}`;
  }
}
