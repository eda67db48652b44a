import { activeTraceId } from './trace-id.js';

/**
 * Structured logs (one JSON object per line on stderr) with personal ids masked on the way out.
 * Every line passes through maskPersonalIds, so a careless field cannot leak a clear IIN or BIN.
 * A line written while a request is traced carries its `traceId`.
 */
const TWELVE_DIGITS = /(?<!\d)(\d{4})\d{6}(\d{2})(?!\d)/g;

/** 850314301234 becomes 8503******34: enough to tell records apart in an incident, not enough to identify. */
export function maskPersonalIds(text: string): string {
  return text.replace(TWELVE_DIGITS, '$1******$2');
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
}

function errorFields(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
}

export function createLogger(service: string, options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const threshold = LEVELS[options.level ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info'] ?? LEVELS.info;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < threshold) return;
    const record = { time: new Date().toISOString(), level, service, msg, ...bound, ...fields };
    const line = maskPersonalIds(JSON.stringify(record, (_key, value) => errorFields(value)));
    // The trace id goes in after masking: 32 random hex digits hold a run of 12 decimal ones in about one line
    // of 14, and a masked id would point nowhere. It is never client-chosen (the gateway starts every trace).
    const traceId = activeTraceId();
    write(traceId ? `{"traceId":"${traceId}",${line.slice(1)}` : line);
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(service, options, { ...bound, ...fields }),
  };
}
