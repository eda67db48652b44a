import { maskPersonalIds } from '@egov/core';
import { type LogLevel as HiveLogLevel, Logger } from '@graphql-hive/logger';

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

/**
 * The Hive runtime's logger, writing JSON lines with personal ids masked. Its default logger prints the
 * variables (and, on errors, the whole subgraph request) of a failed call; those payloads are removed
 * outright, and every line still passes the same id mask the subgraphs use.
 */
export function createGatewayLogger(
  level: HiveLogLevel | false = (process.env.LOG_LEVEL as HiveLogLevel | undefined) ?? 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  return new Logger({
    level,
    // No `redact` here: it builds a redacting child logger per request and per subgraph call (measurable
    // in bench/), while withoutPayloads at write time removes the same keys, at any depth, for free.
    writers: [
      {
        write(logLevel, attrs, msg) {
          const line = JSON.stringify({
            time: new Date().toISOString(),
            level: logLevel,
            service: 'gateway',
            msg,
            ...(attrs && typeof attrs === 'object' ? { attrs: withoutPayloads(attrs) } : {}),
          });
          write(maskPersonalIds(line));
        },
      },
    ],
  });
}
