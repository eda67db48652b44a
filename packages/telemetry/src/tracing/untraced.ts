import type { IncomingHttpHeaders } from 'node:http';
import { CALLERS_TRACE, callersTrace } from '@egov/core';
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
 * Runs the handling of an incoming request the HTTP instrumentation left alone because its `traceparent` says "not
 * sampled" (sdk/start.ts): still with tracing suppressed and no active span, so nothing is instrumented under it (the
 * PostgreSQL and Redis instrumentations make a span wherever there is a parent, recorded or not), but with the
 * caller's trace context kept aside (`CALLERS_TRACE`): log lines and error bodies keep the caller's trace id, and
 * calls onwards keep saying "not sampled" (`injectTraceContext`), so an upstream that traces starts no orphan trace
 * of its own. Otherwise a plain call.
 */
export function inCallersTraceContext<T>(headers: IncomingHttpHeaders, handle: () => T): T {
  if (!tracingStarted()) return handle();
  const active = context.active();
  if (!isTracingSuppressed(active)) return handle();
  // The propagator's own reading, tracestate included; probes are suppressed too, and carry no such context.
  const caller = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers));
  const untraced = caller && isSpanContextValid(caller) && (caller.traceFlags & TraceFlags.SAMPLED) === 0;
  return untraced ? context.with(active.setValue(CALLERS_TRACE, caller), handle) : handle();
}

/**
 * Writes the current trace context (`traceparent`, `tracestate`) into the headers of a call onwards, through the
 * propagator: the active span's, or in an untraced request the caller's, with its "not sampled". Where the HTTP
 * instrumentation makes a client span, it writes its own context over this one.
 */
export function injectTraceContext(headers: Record<string, string>): Record<string, string> {
  if (!tracingStarted()) return headers;
  const caller = callersTrace();
  const carrier = { ...headers };
  propagation.inject(caller ? trace.setSpanContext(ROOT_CONTEXT, caller) : context.active(), carrier);
  return carrier;
}
