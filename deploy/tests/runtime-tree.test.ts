import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROCESSES } from '../bin/processes.mjs';
import { copyRuntimeTree, runtimeWorkspaces, workspaceDirs } from '../bin/runtime-tree.mjs';
import { REPO_ROOT } from './support/paths.js';

/**
 * The Dockerfile's build stage calls runtime-tree.mjs to pick what the image keeps. A small workspace shaped
 * like ours (packages/*, a subgraph, a dev-only workspace) stands in for a built checkout.
 */
let root: string;
let out: string;

function write(path: string, contents = '') {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), contents);
}
function pkg(dir: string, name: string, dependencies: Record<string, string> = {}, devDependencies: Record<string, string> = {}) {
  write(`${dir}/package.json`, JSON.stringify({ name, dependencies, devDependencies }));
}
function files(dir: string): string[] {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else all.push(relative(dir, abs));
    }
  };
  walk(dir);
  return all.sort();
}

const processes = {
  gateway: { pkg: '@x/gateway', file: 'dist/index.js' },
  applications: { pkg: '@x/applications', file: 'dist/index.js' },
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'egov-tree-'));
  out = join(root, '..', `${root.split('/').pop()}-out`);
  write('package.json', JSON.stringify({ name: 'root', workspaces: ['packages/*', 'gateway', 'subgraphs/applications', 'bench'] }));
  write('package-lock.json', '{}');
  pkg('packages/core', '@x/core', { zod: '3' });
  write('packages/core/src/index.ts', 'export const x = 1;');
  write('packages/core/dist/index.js', 'export const x = 1;');
  write('packages/core/dist/index.d.ts', 'export declare const x: number;');
  write('packages/core/dist/index.js.map', '{}');
  write('packages/core/data/catalog/a.json', '{}');
  write('packages/core/migrations/001_init.sql', 'select 1;');
  write('packages/core/tests/core.test.ts', '');
  write('packages/core/tsconfig.json', '{}');
  write('packages/core/README.md', '# core');
  // Only tests use the testkit: it must stay out of the image.
  pkg('packages/testkit', '@x/testkit');
  write('packages/testkit/dist/index.js', '');
  pkg('gateway', '@x/gateway', { '@x/core': '*' }, { '@x/testkit': '*' });
  write('gateway/dist/index.js', '');
  write('gateway/src/index.ts', '');
  write('gateway/vitest.config.ts', '');
  pkg('subgraphs/applications', '@x/applications', { '@x/core': '*' });
  write('subgraphs/applications/dist/index.js', '');
  write('subgraphs/applications/src/schema.graphql', 'type Query { a: Int }');
  write('subgraphs/applications/src/generated/types.ts', '');
  write('subgraphs/applications/.data/attachments/scan.pdf', 'local state');
  write('subgraphs/applications/test/app.e2e.ts', '');
  pkg('bench', '@x/bench', { '@x/gateway': '*', autocannon: '9' });
  write('bench/src/run.ts', '');
  write('deploy/bin/entry.mjs', '');
  write('deploy/bin/processes.mjs', '');
  write('deploy/bin/sync-k8s-data.mjs', '');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the runtime tree of the image', () => {
  it("keeps the processes' packages and the workspace packages they depend on at run time, not dev-only ones", () => {
    expect([...runtimeWorkspaces(root, processes).keys()].sort()).toEqual(['@x/applications', '@x/core', '@x/gateway']);
  });

  it('copies compiled JavaScript and the data the code reads beside itself, and no source, test or local state', () => {
    copyRuntimeTree(root, out, processes);
    expect(files(out)).toEqual([
      '.runtime-workspaces',
      'bench/package.json',
      'deploy/bin/entry.mjs',
      'deploy/bin/processes.mjs',
      'gateway/dist/index.js',
      'gateway/package.json',
      'package-lock.json',
      'package.json',
      'packages/core/data/catalog/a.json',
      'packages/core/dist/index.js',
      'packages/core/migrations/001_init.sql',
      'packages/core/package.json',
      'packages/testkit/package.json',
      'subgraphs/applications/dist/index.js',
      'subgraphs/applications/package.json',
      'subgraphs/applications/src/schema.graphql',
    ]);
  });

  it('lists the runtime workspaces for `npm ci --omit=dev --workspace=…`', () => {
    copyRuntimeTree(root, out, processes);
    expect(readFileSync(join(out, '.runtime-workspaces'), 'utf8').trim().split('\n').sort()).toEqual(['@x/applications', '@x/core', '@x/gateway']);
  });

  it('stops the build when a needed package was not compiled', () => {
    rmSync(join(root, 'packages/core/dist'), { recursive: true });
    expect(() => copyRuntimeTree(root, out, processes)).toThrow(/not built \(no dist\/\): @x\/core/);
    expect(existsSync(join(out, 'package.json'))).toBe(false);
  });

  it('stops the build when a process names a package that is not a workspace', () => {
    expect(() => runtimeWorkspaces(root, { ...processes, migrate: { pkg: '@x/stores', file: 'dist/migrate-cli.js' } })).toThrow(
      /@x\/stores \(the "migrate" process\) is not a workspace/,
    );
  });
});

describe('the process table against this repository', () => {
  /**
   * Packages the issue-12 redesign creates (subgraphs/applications, packages/stores with the migration CLI).
   * Until they exist the image cannot be built; once one exists it must leave this list, so the table and the
   * workspaces are checked for real from then on.
   */
  const PENDING_REDESIGN = new Set<string>();

  it('names a workspace package for every process (or one the redesign is about to add)', () => {
    const names = new Set(
      workspaceDirs(REPO_ROOT).map((dir: string) => (JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { name: string }).name),
    );
    for (const [process, { pkg: name }] of Object.entries(PROCESSES)) {
      if (PENDING_REDESIGN.has(name)) {
        expect(names.has(name), `${name} exists now: remove it from PENDING_REDESIGN in this test`).toBe(false);
      } else {
        expect(names.has(name), `process "${process}" runs ${name}, which is not a workspace`).toBe(true);
      }
    }
  });
});
