import { Logger, type LogLevel as HiveLogLevel } from '@graphql-hive/logger';
import { maskPersonalIds } from '@egov/shared';

/**
 * The Hive runtime's logger, writing JSON lines with personal ids masked. Its default logger prints the
 * variables of a failed subgraph request (IINs among them), so variables are removed outright and every
 * line still passes the same mask the subgraphs use.
 */
export function createGatewayLogger(
  level: HiveLogLevel | false = (process.env.LOG_LEVEL as HiveLogLevel | undefined) ?? 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  return new Logger({
    level,
    redact: { paths: ['variables', '*.variables', 'request.variables', 'body'], remove: true },
    writers: [
      {
        write(logLevel, attrs, msg) {
          const line = JSON.stringify({ time: new Date().toISOString(), level: logLevel, service: 'gateway', msg, ...(attrs && typeof attrs === 'object' ? { attrs } : {}) });
          write(maskPersonalIds(line));
        },
      },
    ],
  });
}
