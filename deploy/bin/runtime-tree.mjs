#!/usr/bin/env node
/**
 * `runtime-tree.mjs <out>`: copies what the runtime image needs out of a built checkout, and nothing else.
 *
 * Used by the Dockerfile's build stage after `npm run build`. The runtime stage then runs
 * `npm ci --omit=dev` on this tree, for the workspaces listed in <out>/.runtime-workspaces only, so
 * the image holds compiled JavaScript, data files and production dependencies, but no TypeScript, no
 * tests, no tsx and no dev-only workspace (bench, e2e, deploy's own tests).
 *
 * What is copied:
 *   - the root package.json and package-lock.json (npm ci needs both, unchanged, or it refuses);
 *   - every workspace's package.json, because npm ci checks the lockfile against all of them;
 *   - for the workspaces the processes need (their packages and, transitively, the workspace packages
 *     they depend on at run time): the package minus sources, tests, and build configuration; so dist/
 *     plus data/, migrations/, *.graphql, which the code reads beside itself through import.meta.url;
 *   - deploy/bin/entry.mjs and processes.mjs, the image's entrypoint.
 * A needed workspace without dist/ stops the build: an image that cannot start is worse than none.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCESSES } from './processes.mjs';

/** The image's entrypoint and its process table: the rest of deploy/ is for building and checking. */
const ENTRY_FILES = ['entry.mjs', 'processes.mjs'];
/** Never needed at run time, at any depth. */
const SKIP_DIRS = new Set(['node_modules', 'tests', 'test', '__tests__', 'coverage']);
/** Sources and build configuration: the image runs compiled JavaScript only. */
const SKIP_FILE = /(\.(ts|mts|cts|tsx|map|tsbuildinfo|md)$)|(^tsconfig.*\.json$)|(^vitest\.config\.)|(^\.)/;

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The workspace folders the root package.json declares; `dir/*` patterns are expanded one level.
 * @param {string} root
 * @returns {string[]}
 */
export function workspaceDirs(root) {
  const patterns = readJson(join(root, 'package.json')).workspaces ?? [];
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/**
 * The workspaces the processes need at run time: their packages and their workspace dependencies.
 * @param {string} root
 * @param {Readonly<Record<string, { pkg: string; file: string }>>} [processes]
 * @returns {Map<string, string>} package name → workspace folder
 */
export function runtimeWorkspaces(root, processes = PROCESSES) {
  const byName = new Map(workspaceDirs(root).map((dir) => [readJson(join(root, dir, 'package.json')).name, dir]));
  const needed = new Map();
  const visit = (name, why) => {
    if (needed.has(name)) return;
    const dir = byName.get(name);
    if (!dir) throw new Error(`${name} (${why}) is not a workspace of ${root}`);
    needed.set(name, dir);
    for (const dep of Object.keys(readJson(join(root, dir, 'package.json')).dependencies ?? {})) {
      if (byName.has(dep)) visit(dep, `a dependency of ${name}`);
    }
  };
  for (const [process, { pkg }] of Object.entries(processes)) visit(pkg, `the "${process}" process`);
  return needed;
}

function keep(path) {
  return !SKIP_FILE.test(basename(path));
}

/**
 * @param {string} root a built checkout
 * @param {string} out where the runtime tree goes
 * @param {Readonly<Record<string, { pkg: string; file: string }>>} [processes]
 */
export function copyRuntimeTree(root, out, processes = PROCESSES) {
  root = resolve(root);
  out = resolve(out);
  const needed = runtimeWorkspaces(root, processes);
  const missing = [...needed].filter(([, dir]) => !existsSync(join(root, dir, 'dist')));
  if (missing.length > 0) {
    throw new Error(`not built (no dist/): ${missing.map(([name]) => name).join(', ')}; run npm run build first`);
  }
  mkdirSync(out, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(out, file));
  for (const dir of workspaceDirs(root)) {
    mkdirSync(join(out, dir), { recursive: true });
    cpSync(join(root, dir, 'package.json'), join(out, dir, 'package.json'));
  }
  for (const dir of needed.values()) {
    cpSync(join(root, dir), join(out, dir), {
      recursive: true,
      filter: (source) => {
        const rel = relative(join(root, dir), source);
        if (rel === '') return true;
        const parts = rel.split(sep);
        if (parts.some((part) => SKIP_DIRS.has(part) || part.startsWith('.'))) return false;
        // Folders are entered (empty ones left behind are harmless); files are judged by name.
        return statSync(source).isDirectory() || keep(source);
      },
    });
  }
  mkdirSync(join(out, 'deploy', 'bin'), { recursive: true });
  for (const file of ENTRY_FILES) cpSync(join(root, 'deploy', 'bin', file), join(out, 'deploy', 'bin', file));
  writeFileSync(join(out, '.runtime-workspaces'), `${[...needed.keys()].join('\n')}\n`);
  return needed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: runtime-tree.mjs <out-dir>');
    process.exit(2);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  try {
    const needed = copyRuntimeTree(root, out);
    console.log(`runtime tree in ${out}: ${[...needed.keys()].join(', ')}`);
  } catch (error) {
    console.error(`runtime-tree.mjs: ${error.message}`);
    process.exit(1);
  }
}
