import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_NAMES } from '../bin/processes.mjs';
import { deployPath } from './support/paths.js';

/**
 * The image runs `node deploy/bin/entry.mjs <process>`. These tests run that script as a plain process, as
 * the container would, against a small installed tree (EGOV_ROOT) standing in for the image's /app.
 */
const ENTRY = deployPath('bin', 'entry.mjs');

let root: string;

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [ENTRY, ...args], { env: { ...process.env, EGOV_ROOT: root, ...env }, encoding: 'utf8', timeout: 20_000 });
}

/** An installed workspace package, linked under node_modules/@egov as npm links workspaces. */
function installPackage(name: string, files: Record<string, string>) {
  const dir = join(root, 'packages', name);
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `@egov/${name}`, type: 'module' }));
  symlinkSync(dir, join(root, 'node_modules', '@egov', name));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'egov-entry-'));
  mkdirSync(join(root, 'node_modules', '@egov'), { recursive: true });
  // A compiled "gateway" that reports how it was started and drains on SIGTERM like the real processes.
  installPackage('gateway', {
    'dist/index.js': [
      "process.on('SIGTERM', () => { process.stdout.write('draining\\n'); process.exit(0); });",
      "process.stdout.write(JSON.stringify({ pid: process.pid, argv: process.argv.slice(2), script: process.argv[1], title: process.title }) + '\\n');",
      "if (process.argv.includes('--fail')) process.exit(7);",
      'setInterval(() => {}, 1000);',
    ].join('\n'),
  });
  // "payments" is installed but was never compiled.
  installPackage('payments', { 'src/index.ts': 'export {};' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the image entry script', () => {
  it('refuses an unknown process with exit code 2 and lists the processes it knows', () => {
    const result = run(['billing']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown process "billing"');
    for (const name of PROCESS_NAMES) expect(result.stderr).toContain(name);
  });

  it('knows exactly the processes of the graph, the migration and the mocks', () => {
    expect([...PROCESS_NAMES].sort()).toEqual(['applications', 'gateway', 'individuals', 'legal-entities', 'licensing', 'migrate', 'mocks', 'payments']);
  });

  it('without a process name prints the usage and exits 2; with --help it exits 0', () => {
    const bare = run([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('usage: entry.mjs <process>');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toContain('usage: entry.mjs <process>');
  });

  it('does not take an inherited property name for a process', () => {
    expect(run(['constructor']).status).toBe(2);
    expect(run(['__proto__']).status).toBe(2);
  });

  it('says a known process is not compiled, naming the build, with exit code 1', () => {
    const result = run(['payments']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/payments\/dist\/index\.js is missing.*npm run build/);
  });

  it('says a known process is not installed when its package is absent, with exit code 1', () => {
    const result = run(['licensing']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@egov/licensing');
  });

  it('runs the compiled process inside its own Node process, with the remaining arguments, as if started directly', () => {
    const child = spawn(process.execPath, [ENTRY, 'gateway', '--port', '4000'], { env: { ...process.env, EGOV_ROOT: root } });
    return new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const first = out.split('\n')[0];
        if (!first || !out.includes('\n') || out.includes('draining')) return;
        const started = JSON.parse(first) as { pid: number; argv: string[]; script: string; title: string };
        try {
          // Same PID: no wrapper process in between, so the orchestrator's signals reach the app itself.
          expect(started.pid).toBe(child.pid);
          expect(started.argv).toEqual(['--port', '4000']);
          expect(started.script).toBe(join(root, 'packages', 'gateway', 'dist', 'index.js'));
          expect(started.title).toBe('egov-gateway');
        } catch (error) {
          child.kill('SIGKILL');
          reject(error);
          return;
        }
        child.kill('SIGTERM');
      });
      child.on('exit', (code) => {
        try {
          expect(out).toContain('draining');
          expect(code).toBe(0);
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  });

  it("imports a process's preload modules first and to completion, as `node --import` would", () => {
    // A copy of the entry script beside a process table whose gateway preloads a module (the OTel bootstrap's place).
    const bin = join(root, 'bin-with-preload');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'entry.mjs'), readFileSync(ENTRY, 'utf8'));
    writeFileSync(
      join(bin, 'processes.mjs'),
      "export const PROCESSES = { gateway: { pkg: '@egov/gateway', file: 'dist/order.js', preload: ['dist/preload.js'] } };\nexport const PROCESS_NAMES = Object.keys(PROCESSES);\n",
    );
    writeFileSync(join(root, 'packages/gateway/dist/preload.js'), "await new Promise((r) => setTimeout(r, 50));\nglobalThis.order = ['preload'];\n");
    writeFileSync(join(root, 'packages/gateway/dist/order.js'), "globalThis.order.push('entry');\nconsole.log(globalThis.order.join(','));\n");
    const result = spawnSync(process.execPath, [join(bin, 'entry.mjs'), 'gateway'], { env: { ...process.env, EGOV_ROOT: root }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('preload,entry');
    // A preload that was not built stops the start like a missing entry.
    rmSync(join(root, 'packages/gateway/dist/preload.js'));
    const missing = spawnSync(process.execPath, [join(bin, 'entry.mjs'), 'gateway'], { env: { ...process.env, EGOV_ROOT: root }, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('dist/preload.js is missing');
  });

  it("gives the container the process's own exit code", () => {
    const result = run(['gateway', '--fail']);
    expect(result.status).toBe(7);
  });
});
