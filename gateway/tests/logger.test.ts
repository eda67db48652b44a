import { describe, expect, it } from 'vitest';
import { createGatewayLogger, hiveLoggerFor } from '../src/logger.js';

/** The gateway's one logger, and the Hive runtime's logger writing through it, into `lines`. */
function loggers(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = [];
  const ours = createGatewayLogger(level, (line) => lines.push(line));
  return { lines, ours, runtime: hiveLoggerFor(ours) };
}

describe('the gateway log', () => {
  it("writes the runtime's lines through ours: one format, one service name, one mask", () => {
    const { lines, ours, runtime } = loggers();
    runtime.warn({ subgraph: 'individuals' }, 'subgraph slow');
    ours.warn('rate limiter degraded', { redis: 'down' });
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed).toEqual([
      expect.objectContaining({ level: 'warn', service: 'gateway', msg: 'subgraph slow', attrs: { subgraph: 'individuals' } }),
      expect.objectContaining({ level: 'warn', service: 'gateway', msg: 'rate limiter degraded', redis: 'down' }),
    ]);
  });

  it('drops request variables and masks any IIN or BIN left in messages and attributes', () => {
    const { lines, runtime } = loggers();
    runtime.error({ variables: { iin: '850314301234' }, subgraph: 'individuals', detail: { bin: '080440001234' } }, 'subgraph request for 621102407892 failed');
    const out = lines.join('\n');
    expect(out).not.toMatch(/850314301234|080440001234|621102407892/);
    expect(out).not.toContain('variables');
    expect(out).toContain('6211******92');
    expect(out).toContain('individuals');
  });

  it('drops the subgraph request a runtime error carries: names and addresses are personal data too', () => {
    const { lines, runtime } = loggers();
    runtime.error(
      {
        message: 'connect ECONNREFUSED',
        extensions: { code: 'SUBREQUEST_HTTP_ERROR', request: { method: 'POST', body: '{"variables":{"name":"Ахметов Нурлан"}}' } },
      },
      'subgraph failed',
    );
    const out = lines.join('\n');
    expect(out).not.toContain('Ахметов');
    expect(out).toContain('SUBREQUEST_HTTP_ERROR');
  });

  it("keeps to our level: the runtime's debug lines are not written at info", () => {
    const { lines, runtime } = loggers('info');
    runtime.debug({ plan: 'x' }, 'query plan');
    runtime.trace('fetch');
    expect(lines).toEqual([]);
  });
});
