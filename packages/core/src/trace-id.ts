import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The id of the trace the current code runs in, for log lines and error bodies, so an operator can go from a
 * client's error or a log line to the whole request across processes. Undefined when tracing is off (the API
 * is then a no-op and this costs one lookup).
 */
export function activeTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}
