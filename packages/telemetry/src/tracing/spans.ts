import { type Attributes, context, isSpanContextValid, type Span, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { samplerFollowsParent, tracingStarted } from './state.js';

/** Our own spans (registry reads, audit flushes, outbox deliveries) come from this tracer. */
const tracer = trace.getTracer('egov-graph');

/** A span that is never recorded: what `fn` gets while tracing is off. */
const OFF: Pick<Span, 'setAttribute' | 'setAttributes'> = { setAttribute: () => OFF as Span, setAttributes: () => OFF as Span };

/** What a traced function may do with its span: name facts about its work (never personal data). */
export type SpanNotes = Pick<Span, 'setAttribute' | 'setAttributes'>;

/**
 * Runs `fn` inside a child span of the current one, ended when `fn` settles, marked as an error when it
 * throws. With tracing off this is a plain call: no span, no context switch. So it is under a parent that is not
 * sampled (nine requests in ten, as deployed) when the sampler follows the parent, and where tracing is suppressed
 * (an incoming request that says it is not sampled: sdk/start.ts): the span would be made, put in the context and
 * ended without ever being recorded, a cost every registry call and audit write paid for nothing.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: SpanNotes) => Promise<T>): Promise<T> {
  if (!tracingStarted() || (samplerFollowsParent() && parentNotSampled()) || isTracingSuppressed(context.active())) return fn(OFF);
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      // The error's name and code, not its message: messages may quote what a client sent.
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

function parentNotSampled(): boolean {
  const parent = trace.getActiveSpan()?.spanContext();
  return parent !== undefined && isSpanContextValid(parent) && (parent.traceFlags & TraceFlags.SAMPLED) === 0;
}

function errorName(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown }; code?: unknown })?.extensions?.code ?? (error as { code?: unknown })?.code;
  const name = error instanceof Error ? error.name : 'Error';
  return typeof code === 'string' ? `${name} ${code}` : name;
}

/** The current trace's id (32 hex digits), or undefined when tracing is off or nothing is being traced. */
export function currentTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}
