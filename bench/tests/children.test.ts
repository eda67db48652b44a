import { describe, expect, it } from 'vitest';
import { compiledEntry, nodeCommand } from '../src/children.js';

describe('how a child is started', () => {
  it('finds the compiled module of a package source file where npm run build puts it', () => {
    expect(compiledEntry('/repo/gateway/src/index.ts')).toBe('/repo/gateway/dist/index.js');
    expect(compiledEntry('/repo/bench/src/targets/hive.ts')).toBe('/repo/bench/dist/targets/hive.js');
    expect(() => compiledEntry('/repo/scripts/start.mjs')).toThrow(/no compiled counterpart/);
  });

  it('runs sources through tsx, compiled modules with plain node, the given flags first either way', () => {
    const flags = ['--max-old-space-size=224', '--max-semi-space-size=16'];
    const source = nodeCommand('/repo/gateway/src/index.ts', false, flags);
    expect(source.slice(0, 2)).toEqual(flags);
    expect(source).toContain('tsx');
    expect(source.at(-1)).toBe('/repo/gateway/src/index.ts');
  });

  it('refuses to start a compiled child that was never built, naming the missing module', () => {
    expect(() => nodeCommand('/nowhere/gateway/src/index.ts', true)).toThrow(/\/nowhere\/gateway\/dist\/index\.js is missing: run npm run build/);
  });
});
