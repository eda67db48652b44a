import { createLogger, type Logger, type LogLevel } from '@egov/core';
import { Logger as HiveLogger, type LogLevel as HiveLogLevel } from '@graphql-hive/logger';

/**
 * Keys whose values are payloads (GraphQL variables, HTTP bodies, the subgraph request a runtime error
 * carries): they hold personal data of every kind, not only ids, so they never reach a log line.
 */
const PAYLOAD_KEYS = new Set(['variables', 'body', 'request', 'response', 'headers', 'query', 'document']);

function withoutPayloads(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutPayloads(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PAYLOAD_KEYS.has(key))
      .map(([key, item]) => [key, withoutPayloads(item, depth + 1)]),
  );
}

/** The gateway's logger: the same JSON lines, levels and id mask as every subgraph's. */
export function createGatewayLogger(level: LogLevel = (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info', write?: (line: string) => void): Logger {
  return createLogger('gateway', { level, write });
}

const FROM_HIVE: Record<HiveLogLevel, LogLevel> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/**
 * The Hive runtime logs through its own Logger (`log.warn(attrs, msg)`); this one writes through ours
 * (`logger.warn(msg, fields)`), so the gateway has one output, one format and one mask. The runtime's
 * default would print the variables (and, on errors, the whole subgraph request) of a failed call; those
 * payloads are removed outright, at any depth.
 */
export function hiveLoggerFor(logger: Logger): HiveLogger {
  return new HiveLogger({
    // Asked on every call: no line is built below our level.
    level: () => logger.level,
    writers: [
      {
        write(level, attrs, msg) {
          const fields = attrs && typeof attrs === 'object' ? { attrs: withoutPayloads(attrs) } : undefined;
          logger[FROM_HIVE[level]](msg ?? '', fields);
        },
      },
    ],
  });
}
