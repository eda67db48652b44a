import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/hooked-process.ts', import.meta.url));

describe('a process that starts tracing first', () => {
  it('has pg patched when it imports it after, through the in-thread hook where this Node has one', () => {
    const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', fixture], {
      // Nothing listens there: no span is ever exported in this test.
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const seen = JSON.parse(out) as { started: boolean; pgPatched: boolean; inThread: boolean };
    expect(seen.started).toBe(true);
    expect(seen.pgPatched).toBe(true);
    // Node 24.11.1 and later (the image's) run the hook in the process's thread; Node 20 on a loader thread.
    const [major = 0, minor = 0, patch = 0] = process.versions.node.split('.').map(Number);
    expect(seen.inThread).toBe(major * 1e6 + minor * 1e3 + patch >= 24_011_001);
  });
});
