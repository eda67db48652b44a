import { context, createContextKey, isSpanContextValid, type SpanContext, trace } from '@opentelemetry/api';

/**
 * The trace context a caller sent with a request this process does not trace (its `traceparent` said "not
 * sampled"). It is kept beside the context rather than as its active span: with no active span, the PostgreSQL and
 * Redis instrumentations leave the request's queries alone, and log lines, error bodies and calls onwards still
 * name the caller's trace (`@egov/telemetry`, untraced.ts).
 */
export const CALLERS_TRACE = createContextKey('egov: the trace context of a caller that did not sample its trace');

/** The caller's trace context kept aside for an untraced request, if the current code runs in one. */
export function callersTrace(): SpanContext | undefined {
  return context.active().getValue(CALLERS_TRACE) as SpanContext | undefined;
}

/**
 * The id of the trace the current code runs in, for log lines and error bodies, so an operator can go from a
 * client's error or a log line to the whole request across processes. Undefined when tracing is off (the API
 * is then a no-op and this costs one lookup).
 */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext() ?? callersTrace();
  return span && isSpanContextValid(span) ? span.traceId : undefined;
}
