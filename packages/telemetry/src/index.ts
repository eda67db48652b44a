/**
 * What every process records about itself: Prometheus metrics (deploy/METRICS.md) and OpenTelemetry spans.
 * The SDK that exports the spans is started by `@egov/telemetry/sdk`; everything here is cheap when it is off.
 */
export * from './metrics/http.js';
export { boundedOperations } from './metrics/operation-label.js';
export * from './metrics/process-metrics.js';
export { headSamplingRatio, sampleRequest, unsampledTraceparent, useHeadSampling } from './tracing/head-sampling.js';
export { currentTraceId, type SpanNotes, withSpan } from './tracing/spans.js';
export { shutdownTracing, tracingStarted } from './tracing/state.js';
export { inCallersTraceContext, injectTraceContext } from './tracing/untraced.js';
