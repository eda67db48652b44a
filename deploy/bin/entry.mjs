#!/usr/bin/env node
/**
 * The image's entrypoint: `entry.mjs <process> [args...]` runs one process of egov-graph.
 *
 * The compiled entry is imported into this same Node process rather than spawned, so there is one PID
 * to signal: SIGTERM from Kubernetes reaches the process's own drain (SHUTDOWN_GRACE_MS) directly, and
 * its exit code is the container's. Plain JavaScript on purpose: it must run before anything is built
 * and with production dependencies only.
 *
 * Exit codes: 2 for a wrong invocation (unknown or missing process name), 1 when the process is known
 * but its compiled entry is missing (the image was built without `npm run build`).
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROCESS_NAMES, PROCESSES } from './processes.mjs';

const EXIT_USAGE = 2;
const EXIT_NOT_BUILT = 1;

/** The repository (or image) root: deploy/bin/../.. unless EGOV_ROOT says otherwise (tests use that). */
const root = resolve(process.env.EGOV_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));

function usage() {
  const width = Math.max(...PROCESS_NAMES.map((name) => name.length));
  return ['usage: entry.mjs <process> [args...]', '', 'processes:', ...PROCESS_NAMES.map((name) => `  ${name.padEnd(width)}  ${PROCESSES[name].about}`)].join(
    '\n',
  );
}

/** Where a process's compiled modules are, through the workspace link npm made for its package. */
function entryFiles(name) {
  const { pkg, file, preload = [] } = PROCESSES[name];
  const link = join(root, 'node_modules', ...pkg.split('/'));
  const pkgDir = existsSync(link) ? realpathSync(link) : null;
  return { pkgDir, file: pkgDir ? join(pkgDir, file) : null, preload: pkgDir ? preload.map((module) => join(pkgDir, module)) : [] };
}

const [name, ...rest] = process.argv.slice(2);

if (name === undefined || name === '-h' || name === '--help') {
  console.error(usage());
  process.exit(name === undefined ? EXIT_USAGE : 0);
}
if (!Object.hasOwn(PROCESSES, name)) {
  console.error(`entry.mjs: unknown process "${name}"\n\n${usage()}`);
  process.exit(EXIT_USAGE);
}

const { pkgDir, file, preload } = entryFiles(name);
if (!pkgDir) {
  console.error(`entry.mjs: package ${PROCESSES[name].pkg} for "${name}" is not installed under ${root}/node_modules`);
  process.exit(EXIT_NOT_BUILT);
}
for (const module of [...preload, file]) {
  if (!existsSync(module)) {
    console.error(`entry.mjs: ${module} is missing: "${name}" has not been compiled (npm run build)`);
    process.exit(EXIT_NOT_BUILT);
  }
}

// The process sees itself as `node <its entry> [args...]`, as if started directly.
process.argv = [process.argv[0], file, ...rest];
process.title = `egov-${name}`;
// Preloads first and to completion, as `node --import` would, then the entry.
for (const module of preload) await import(pathToFileURL(module).href);
await import(pathToFileURL(file).href);
