import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Another team's project, outside this repository, installs our two published packages from their tarballs
 * (`npm pack`) with public npm packages only, type-checks a suite against them and runs it: the msw handlers
 * and the HTTP servers of the mock registries, and the contracts they answer by.
 */
const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Exactly the versions this repository uses: the test checks our packages, not the newest vitest. */
const VITEST = '4.1.12';
const TYPESCRIPT = '5.9.3';
const TYPES_NODE = '20.19.43';
const MSW = '2.15.0';

let scratch: string;
const tarballs: string[] = [];

beforeAll(async () => {
  // Both packages compiled as they are published (turbo skips what is already built).
  await run('npx', ['turbo', 'run', 'build', '--filter=@egov/contracts', '--filter=@egov/mocks', '--output-logs=errors-only'], {
    cwd: REPO,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  scratch = mkdtempSync(join(tmpdir(), 'egov-partner-'));
  const packed = join(scratch, 'tarballs');
  mkdirSync(packed);
  for (const workspace of ['packages/contracts', 'mocks']) {
    await run(NPM, ['pack', '--pack-destination', packed, '--silent'], { cwd: join(REPO, workspace) });
  }
  tarballs.push(...readdirSync(packed).map((file) => join(packed, file)));
  const project = join(scratch, 'project');
  mkdirSync(join(project, 'tests'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'partner-project', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false },
      include: ['tests'],
    }),
  );
  writeFileSync(join(project, 'tests', 'registries.test.ts'), PARTNER_SUITE);
  // From the npm registry (the local cache first): our tarballs, and what they declare they need.
  await run(
    NPM,
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...tarballs,
      `vitest@${VITEST}`,
      `msw@${MSW}`,
      `typescript@${TYPESCRIPT}`,
      `@types/node@${TYPES_NODE}`,
    ],
    { cwd: project, maxBuffer: 16 * 1024 * 1024 },
  );
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('@egov/contracts and @egov/mocks from their tarballs, in a project outside the workspace', () => {
  it('packs JavaScript and type declarations, and no TypeScript sources or tests', async () => {
    for (const tarball of tarballs) {
      const { stdout } = await run('tar', ['-tzf', tarball]);
      const files = stdout.split('\n').filter(Boolean);
      expect(
        files.some((f) => f.endsWith('.js')),
        tarball,
      ).toBe(true);
      expect(
        files.some((f) => f.endsWith('.d.ts')),
        tarball,
      ).toBe(true);
      expect(
        files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
        tarball,
      ).toEqual([]);
      expect(
        files.filter((f) => f.includes('/tests/')),
        tarball,
      ).toEqual([]);
    }
  });

  it('installs with no workspace package but the two (everything else from the public registry)', async () => {
    const { stdout } = await run(NPM, ['ls', '--all', '--json'], { cwd: join(scratch, 'project'), maxBuffer: 16 * 1024 * 1024 });
    const names = new Set<string>();
    const walk = (deps: Record<string, { dependencies?: Record<string, unknown> }> = {}) => {
      for (const [name, dep] of Object.entries(deps)) {
        names.add(name);
        walk(dep.dependencies as never);
      }
    };
    walk(JSON.parse(stdout).dependencies);
    expect([...names].filter((name) => name.startsWith('@egov/')).sort()).toEqual(['@egov/contracts', '@egov/mocks']);
  });

  it("type-checks the partner's suite against the published declarations", async () => {
    const result = await run('npx', ['tsc', '-p', '.'], { cwd: join(scratch, 'project') }).catch((error: { stdout: string }) => error);
    expect((result as { stdout: string }).stdout).toBe('');
  }, 120_000);

  it("runs the partner's suite with vitest: msw handlers and the HTTP servers answer by the contracts", async () => {
    const { stdout } = await run('npx', ['vitest', 'run', '--reporter=verbose'], { cwd: join(scratch, 'project'), env: { ...process.env, CI: 'true' } });
    expect(stdout).toContain('4 passed');
  }, 180_000);
});

/** What a partner team writes: the mocks' README examples, checked against the contracts. */
const PARTNER_SUITE = `import { checkIin, individualsApi, PersonRecord, PersonsBatchResponse } from '@egov/contracts';
import { createRegistryState, NAMED } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { createMockRegistries } from '@egov/mocks/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const { server, state } = createMockRegistries({ persons: 50 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the mock registries in a partner project', () => {
  it('answers a person from ГБД ФЛ in the shape of the contract, and counts the call', async () => {
    const response = await fetch('http://registry.test' + individualsApi.person.replace(':iin', NAMED.manWithLicences));
    expect(response.status).toBe(200);
    const person = PersonRecord.parse(await response.json());
    expect(person.iin).toBe(NAMED.manWithLicences);
    expect(checkIin(person.iin).ok).toBe(true);
    expect(state.calls('individuals')).toBe(1);
  });

  it('validates a request like the registry would: a batch of bad ids is 400', async () => {
    const response = await fetch('http://registry.test' + individualsApi.personsBatch, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iins: ['not an iin'] }),
    });
    expect(response.status).toBe(400);
  });

  it('takes a failure as a per-test override', async () => {
    server.use(http.post('*' + individualsApi.personsBatch, () => new HttpResponse(null, { status: 503 })));
    const response = await fetch('http://registry.test' + individualsApi.personsBatch, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ iins: [NAMED.manWithLicences] }),
    });
    expect(response.status).toBe(503);
  });
});

describe('over real HTTP', () => {
  it('serves each registry on its own port, and an outage refuses connections', async () => {
    server.close();
    const servers = await new MockRegistryServers({ state: createRegistryState({ persons: 20 }) }).startAll();
    try {
      const response = await fetch(servers.url('individuals') + individualsApi.personsBatch, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ iins: [NAMED.manWithLicences, NAMED.unknownIin] }),
      });
      const batch = PersonsBatchResponse.parse(await response.json());
      expect(batch.persons.map((p) => p.iin)).toEqual([NAMED.manWithLicences]);
      expect(batch.missing).toEqual([NAMED.unknownIin]);
      await servers.stop('individuals');
      await expect(fetch(servers.url('individuals') + '/')).rejects.toThrow();
    } finally {
      await servers.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
`;
