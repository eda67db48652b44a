const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `create` and takes off again the SIGINT/SIGTERM listeners it added. Hive's runtime is built on a
 * server adapter made with `disposeOnProcessTerminate: true` (not configurable), so on SIGTERM it disposes
 * of itself and aborts every subgraph call in flight, at the very moment a drain should let them finish.
 * The gateway's process owns its shutdown instead (index.ts: runUntilSignal drains the HTTP server within
 * SHUTDOWN_GRACE_MS, then disposes of the runtime).
 */
export function withoutOwnSignalHandlers<T>(create: () => T): T {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const made = create();
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return made;
}
