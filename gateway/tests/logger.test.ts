import { describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';

describe('the gateway log', () => {
  it('drops request variables and masks any IIN or BIN left in messages and attributes', () => {
    const lines: string[] = [];
    const log = createGatewayLogger('debug', (line) => lines.push(line));
    log.error({ variables: { iin: '850314301234' }, subgraph: 'individuals', detail: { bin: '080440001234' } }, 'subgraph request for 621102407892 failed');
    const out = lines.join('\n');
    expect(out).not.toMatch(/850314301234|080440001234|621102407892/);
    expect(out).not.toContain('variables');
    expect(out).toContain('6211******92');
    expect(out).toContain('individuals');
  });

  it('drops the subgraph request a runtime error carries: names and addresses are personal data too', () => {
    const lines: string[] = [];
    const log = createGatewayLogger('debug', (line) => lines.push(line));
    log.error(
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
});
