import type { IncomingHttpHeaders } from 'node:http';
import { type Context, context, isSpanContextValid, propagation, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { isTracingSuppressed, parseTraceParent } from '@opentelemetry/core';
import { tracingStarted } from './state.js';

/**
 * Whether an incoming request's `traceparent` says its trace is not sampled: what the gateway sends with every
 * signed-in request it did not trace (nine in ten, as deployed). Parsed by the propagator's own parser, so a
 * header the propagator would not accept (malformed, all-zero ids, version ff) is not taken for a decision and the
 * request goes on to the sampler as a new trace would.
 */
export function saysNotSampled(traceparent: string | string[] | undefined): boolean {
  if (typeof traceparent !== 'string') return false;
  const parent = parseTraceParent(traceparent);
  return parent !== null && isSpanContextValid(parent) && (parent.traceFlags & TraceFlags.SAMPLED) === 0;
}

/**
 * Whether nothing made in this context can be recorded: tracing is suppressed (a request the HTTP instrumentation
 * was told to leave alone), or, when the sampler follows the parent, there is no sampled span to be the parent.
 * Client spans here are only ever made under a parent (requireParent…), so a context without one records nothing.
 */
export function recordsNothing(active: Context, samplerFollowsParent: boolean): boolean {
  if (isTracingSuppressed(active)) return true;
  const parent = trace.getSpan(active)?.spanContext();
  if (!parent || !isSpanContextValid(parent)) return true;
  return samplerFollowsParent && (parent.traceFlags & TraceFlags.SAMPLED) === 0;
}

/**
 * Runs the handling of an incoming request in the trace context its caller sent, when the HTTP instrumentation
 * left the request alone because that context says "not sampled" (sdk/start.ts): no span of ours can be recorded
 * under it, but log lines and error bodies keep the caller's trace id, and calls onwards keep saying "not sampled"
 * (`injectTraceContext`), so an upstream that traces starts no orphan trace of its own. Otherwise a plain call.
 */
export function inCallersTraceContext<T>(headers: IncomingHttpHeaders, handle: () => T): T {
  if (!tracingStarted() || !isTracingSuppressed(context.active()) || !saysNotSampled(headers.traceparent)) return handle();
  // From the root: the suppression the instrumentation set would also keep the propagator from writing headers.
  return context.with(propagation.extract(ROOT_CONTEXT, headers), handle);
}

/**
 * Writes the current trace context (`traceparent`, `tracestate`) into the headers of a call onwards. The HTTP
 * instrumentation leaves calls alone whose spans could never be recorded; this still tells the callee the caller's
 * decision. Where the instrumentation does make a client span, it writes its own context over this one.
 */
export function injectTraceContext(headers: Record<string, string>): Record<string, string> {
  if (!tracingStarted()) return headers;
  const carrier = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}
