/**
 * Whether this process started the OpenTelemetry SDK, and how to flush it. Kept apart from the SDK module so
 * that code recording spans never loads the SDK: with tracing off (no OTLP endpoint configured) none of it is
 * imported and every span helper is a plain function call.
 */
let shutdown: (() => Promise<void>) | null = null;

export function tracingStarted(): boolean {
  return shutdown !== null;
}

/** Called once by startTracing. */
export function markTracingStarted(flush: () => Promise<void>): void {
  shutdown = flush;
}

/** Exports the spans still buffered and stops the SDK; part of every process's close path. No-op when off. */
export async function shutdownTracing(): Promise<void> {
  const flush = shutdown;
  shutdown = null;
  await flush?.().catch(() => undefined);
}
