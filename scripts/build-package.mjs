#!/usr/bin/env node
/**
 * `npm run build` in a package (turbo runs it in dependency order): compiles src/ to dist/ with the package's
 * tsconfig.build.json, then copies every other file under src/ (schema.graphql, ...) to the same place under
 * dist/, because the code reads them beside itself through `new URL('./schema.graphql', import.meta.url)`.
 * dist/ is emptied first so a deleted source never survives as a stale module.
 *
 * The build fails unless dist/ then holds index.js or server.js, or, when arguments are given, each module they
 * name (relative to dist/): a package that is no library nor service names the modules it runs.
 *
 * Plain JavaScript: it runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const packageDir = process.cwd();
const src = join(packageDir, 'src');
const dist = join(packageDir, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const copied = [];
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || /\.(ts|tsx|mts|cts)$/.test(entry.name)) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  const to = join(dist, relative(src, from));
  cpSync(from, to);
  copied.push(relative(packageDir, to));
}
const entries = process.argv.slice(2);
if (entries.length > 0) {
  const missing = entries.filter((entry) => !existsSync(join(dist, entry)));
  if (missing.length > 0) {
    console.error(`build-package: ${relative(process.cwd(), dist)} has no ${missing.join(', ')}`);
    process.exit(1);
  }
} else if (!existsSync(join(dist, 'index.js')) && !existsSync(join(dist, 'server.js'))) {
  console.error(`build-package: ${relative(process.cwd(), dist)} has neither index.js nor server.js`);
  process.exit(1);
}
if (copied.length > 0) console.log(`copied beside the compiled code: ${copied.join(', ')}`);
