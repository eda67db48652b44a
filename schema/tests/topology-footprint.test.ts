import { execFileSync } from 'node:child_process';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const schemaDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = nodeModule.createRequire(import.meta.url).resolve('tsx');

/** The packages (under node_modules) a fresh Node process resolves while importing `specifier` from the sources. */
function packagesLoadedBy(specifier: string): string[] {
  const program = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(s, c, next) { const r = next(s, c); const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url); if (m) seen.add(m[1]); return r; } });
    await import(${JSON.stringify(specifier)});
    console.log(JSON.stringify([...seen]));`;
  const out = execFileSync(process.execPath, ['--conditions=source', '--import', tsx, '--input-type=module', '-e', program], {
    cwd: schemaDir,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

// In-thread module hooks (Node 22.15 and later) see every import; Node 20 has none to watch with.
describe.skipIf(!('registerHooks' in nodeModule))("what a process loads to know the graph's topology", () => {
  it('a subgraph asking where its registries are loads no composition library (6 MB of resident memory in each process)', () => {
    const loaded = packagesLoadedBy('@egov/schema');
    expect(loaded).not.toContain('@theguild/federation-composition');
    expect(loaded).not.toContain('graphql');
  });

  it('composing the supergraph does load it (the watcher sees imports)', () => {
    expect(packagesLoadedBy('./src/compose.ts')).toContain('@theguild/federation-composition');
  });
});
