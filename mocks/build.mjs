#!/usr/bin/env node
/**
 * `npm run build -w @egov/mocks`: the mocks as a package other teams can install from its tarball (`npm pack`),
 * needing only @egov/contracts (published beside it) and public npm packages.
 *
 * Why a bundle: the mocks use our internal packages (the signing code of @egov/security, canonical JSON from
 * @egov/core, the fee wording and agencies of @egov/domain, ...), which are not published. Rewriting the mocks
 * to avoid them would copy that code, and a second copy of how we sign or word a fee drifts. So the internal
 * code is bundled in (esbuild), @egov/contracts and every npm package stay external, and the type declarations
 * are bundled the same way (rollup-plugin-dts), so a partner's TypeScript sees complete types.
 *
 * Files the bundled code reads beside itself (`new URL('../data/…', import.meta.url)`: the test issuer's keys,
 * the test CA, the agencies list, …) are copied to dist/assets/ and the URLs rewritten to point there.
 *
 * Output (dist/): index, node, http, fixtures, pki (the published entry points, .js and .d.ts) and cli.js (the
 * mock registries' process, for npm start's compiled mode and staging), plus shared chunks and assets/.
 * The build fails if the bundle imports an npm package that package.json does not list in `dependencies`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const packageDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(packageDir, '..');
const dist = join(packageDir, 'dist');
const typesDir = join(packageDir, '.types');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** The one internal module that runs for its effect when imported. */
const REFLECT_METADATA = join(repoRoot, 'packages/security/src/signatures/reflect-metadata.ts');

/** The published entry points (package.json `exports`), and the process entry. */
const ENTRIES = {
  index: 'src/index.ts',
  node: 'src/node.ts',
  http: 'src/http.ts',
  fixtures: 'src/fixtures/index.ts',
  pki: 'src/pki/index.ts',
};
const PROCESS_ENTRIES = { cli: 'src/cli.ts', 'reflect-metadata': REFLECT_METADATA };

/** Workspace packages that are published themselves: imported, not bundled. */
const PUBLISHED = new Set(['@egov/contracts']);
const packageName = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
const isBundled = (specifier) => specifier.startsWith('@egov/') && !PUBLISHED.has(packageName(specifier));

rmSync(dist, { recursive: true, force: true });
rmSync(typesDir, { recursive: true, force: true });

// 1. Types of our own sources (the internal packages' declarations come from their dist/, built before us).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declared = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--outDir', typesDir], {
  cwd: packageDir,
  stdio: 'inherit',
});
if (declared.status !== 0) process.exit(declared.status ?? 1);

// 2. JavaScript: internal packages inlined from their TypeScript sources, the rest external.
const assets = new Map();
const URL_OF_FILE = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const relocateAssets = {
  name: 'relocate-assets',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving || args.kind === 'entry-point') return undefined;
      if (/^[^./]/.test(args.path) && !isBundled(args.path)) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // The Reflect metadata polyfill x509 needs must run before @peculiar/x509 loads. A bundle evaluates every
      // external import before its own code, so the polyfill is an output of its own, imported as an external
      // module in source order (before @peculiar/x509's import).
      if (resolved.path === REFLECT_METADATA) return { path: './reflect-metadata.js', external: true };
      // Our internal packages' modules only define things: what the mocks do not use is left out, and with it
      // the npm packages it would import (PostgreSQL, Redis, Prometheus...).
      const internal = resolved.path.startsWith(join(repoRoot, 'packages')) || resolved.path.startsWith(join(repoRoot, 'schema'));
      return { path: resolved.path, sideEffects: internal ? false : undefined };
    });
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(URL_OF_FILE, (whole, quote, rel) => {
        const target = resolve(dirname(args.path), rel);
        // Data files and folders only: a URL to a package or the repository (schema's repoRoot) is not an asset.
        if (!existsSync(target) || existsSync(join(target, 'package.json'))) return whole;
        const asset = relative(repoRoot, target).split(sep).join('/');
        assets.set(asset, target);
        return `new URL(${quote}./assets/${asset}${rel.endsWith('/') ? '/' : ''}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};
const result = await build({
  absWorkingDir: packageDir,
  entryPoints: { ...ENTRIES, ...PROCESS_ENTRIES },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Our packages' sources (their `source` export condition): what the workspace runs in tests.
  conditions: ['source'],
  // Every output file directly in dist/, so a rewritten `./assets/…` URL is right wherever the code lands.
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [relocateAssets],
});
for (const [asset, from] of assets) cpSync(from, join(dist, 'assets', asset), { recursive: statSync(from).isDirectory() });

const declaredDeps = new Set(Object.keys(pkg.dependencies ?? {}));
const undeclared = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imported of output.imports) {
    if (!imported.external || imported.path.startsWith('node:') || imported.path.startsWith('./')) continue;
    const name = packageName(imported.path);
    if (!declaredDeps.has(name) && !isBuiltin(name)) undeclared.add(name);
  }
}
if (undeclared.size > 0) {
  console.error(`mocks/build.mjs: the bundle imports ${[...undeclared].join(', ')}, missing from mocks' dependencies`);
  process.exit(1);
}
const internalDeps = Object.keys(pkg.dependencies ?? {}).filter((name) => isBundled(name));
if (internalDeps.length > 0) {
  console.error(`mocks/build.mjs: ${internalDeps.join(', ')} are bundled: list them in devDependencies, not dependencies (the tarball cannot install them)`);
  process.exit(1);
}

// 3. Declarations, one file per published entry, internal types inlined.
const bundleTypes = await rollup({
  input: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, join(typesDir, source.replace(/^src\//, '').replace(/\.ts$/, '.d.ts'))])),
  external: (id) => /^[^./]/.test(id) && !id.startsWith('/') && !isBundled(id),
  plugins: [dts({ respectExternal: true, tsconfig: join(packageDir, 'tsconfig.json'), compilerOptions: { customConditions: [] } })],
  onwarn: (warning, warn) => (warning.code === 'CIRCULAR_DEPENDENCY' ? undefined : warn(warning)),
});
await bundleTypes.write({ dir: dist, format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts' });
await bundleTypes.close();
rmSync(typesDir, { recursive: true, force: true });
console.log(`mocks: bundled ${Object.keys(ENTRIES).join(', ')} (+ cli) into dist/ with ${assets.size} asset(s)`);

function isBuiltin(name) {
  return builtinModules.includes(name);
}
