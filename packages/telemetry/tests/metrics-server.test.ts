import { describe, expect, it } from 'vitest';
import { type ProcessMetrics, startMetricsServer } from '../src/index.js';

describe('the metrics port', () => {
  it('finishes a scrape in flight when the process stops, and accepts no new one', async () => {
    let release: () => void = () => undefined;
    const slow = {
      scrape: () => new Promise((resolve) => (release = () => resolve({ contentType: 'text/plain', body: 'egov_up 1\n' }))),
    } as unknown as ProcessMetrics;
    const server = await startMetricsServer(slow, 0);
    const scrape = fetch(`http://127.0.0.1:${server.port}/metrics`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`http://127.0.0.1:${server.port}/metrics`)).rejects.toThrow();
    release();
    const answer = await scrape;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('egov_up 1\n');
    await closed;
  });
});
