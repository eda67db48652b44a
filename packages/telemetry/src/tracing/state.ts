/**
 * Whether this process started the OpenTelemetry SDK, and how to flush it. Kept apart from the SDK module so
 * that code recording spans never loads the SDK: with tracing off (no OTLP endpoint configured) none of it is
 * imported and every span helper is a plain function call.
 */
let shutdown: (() => Promise<void>) | null = null;
let parentDecides = false;

export function tracingStarted(): boolean {
  return shutdown !== null;
}

/**
 * Whether the sampler follows the parent's decision (the parent-based samplers, OpenTelemetry's default): a span
 * under a parent that is not sampled is then never recorded, so it need not be made at all.
 */
export function samplerFollowsParent(): boolean {
  return shutdown !== null && parentDecides;
}

/** Called once by startTracing. */
export function markTracingStarted(flush: () => Promise<void>, options: { samplerFollowsParent: boolean }): void {
  shutdown = flush;
  parentDecides = options.samplerFollowsParent;
}

/** Exports the spans still buffered and stops the SDK; part of every process's close path. No-op when off. */
export async function shutdownTracing(): Promise<void> {
  const flush = shutdown;
  shutdown = null;
  await flush?.().catch(() => undefined);
}
