/**
 * Structured logs (one JSON object per line on stderr) with personal ids masked on the way out.
 * Every line passes through maskPersonalIds, so a careless field cannot leak a clear IIN or BIN.
 */
/** Any run of 12 or more digits: an id may hide in a longer run (a typo, two ids run together, a padded number). */
const DIGIT_RUNS = /\d{12,}/g;

/**
 * 850314301234 becomes 8503******34: enough to tell records apart in an incident, not enough to identify.
 * A longer run keeps only its first four and last two digits too, so no 12 consecutive digits of it (and
 * so no id inside it) survive.
 */
export function maskPersonalIds(text: string): string {
  return text.replace(DIGIT_RUNS, (run) => `${run.slice(0, 4)}${'*'.repeat(run.length - 6)}${run.slice(-2)}`);
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  /** The lowest level written; an adapter (the gateway runtime's logger) asks it before building a line. */
  readonly level: LogLevel;
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
  const requested = options.level ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info';
  const level: LogLevel = requested in LEVELS ? requested : 'info';
  const threshold = LEVELS[level];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < threshold) return;
    const record = { time: new Date().toISOString(), level, service, msg, ...bound, ...fields };
    write(maskPersonalIds(JSON.stringify(record, (_key, value) => errorFields(value))));
  };
  return {
    level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(service, { ...options, level }, { ...bound, ...fields }),
  };
}
