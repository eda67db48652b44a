/**
 * `@egov/telemetry/sdk`: starting OpenTelemetry in a process (imported by each process's index.ts, first).
 * Separate from the main entry so that importing it loads nothing of the SDK until tracing is configured.
 */
export { type ProcessKind, startTracing, tracingConfigured } from './start.js';
