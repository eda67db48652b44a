import { describe, expect, it } from 'vitest';
import {
  aggregateComponents,
  aggregateProfile,
  type CpuProfile,
  formatComponents,
  formatProfile,
  ownShare,
  packageOf,
  SUBGRAPH_COMPONENTS,
  shortLocation,
} from '../src/profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '0' });

/** root -> idle, program, gc, a hive runtime function, one of ours, a node core one. Samples every 1 ms. */
function profile(samples: number[]): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 6, 7] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('(program)') },
      { id: 4, callFrame: frame('(garbage collector)') },
      { id: 5, callFrame: frame('plan', 'file:///work/main/node_modules/@graphql-hive/router-runtime/dist/index.js', 41) },
      { id: 6, callFrame: frame('maskPersonalIds', 'file:///work/main/packages/core/src/log.ts', 9) },
      { id: 7, callFrame: frame('emit', 'node:events', 470) },
    ],
    startTime: 1_000_000,
    endTime: 1_000_000 + (samples.length + 1) * 1000,
    samples,
    timeDeltas: samples.map(() => 1000),
  };
}

describe('packageOf', () => {
  it('names npm packages, our workspaces, node core modules and V8', () => {
    expect(packageOf('file:///x/node_modules/@graphql-hive/logger/dist/index.js', 'f')).toBe('@graphql-hive/logger');
    expect(packageOf('file:///x/node_modules/a/node_modules/graphql/execution/execute.js', 'f')).toBe('graphql');
    expect(packageOf('file:///work/main/gateway/src/logger.ts', 'f')).toBe('@egov/gateway');
    expect(packageOf('file:///work/main/packages/core/src/log.ts', 'f')).toBe('@egov/core');
    expect(packageOf('node:internal/streams/readable', 'f')).toBe('node core (streams)');
    expect(packageOf('node:_http_client', 'f')).toBe('node core (http)');
    expect(packageOf('', '(garbage collector)')).toBe('V8 garbage collector');
    expect(packageOf('', 'JSONParse')).toBe('V8 builtins / native');
    // compiled, as the bench runs our processes
    expect(packageOf('file:///work/main/packages/security/dist/tokens/token-verifier.js', 'f')).toBe('@egov/security');
    expect(packageOf('file:///work/main/gateway/dist/server.js', 'f')).toBe('@egov/gateway');
  });

  it('gives short locations', () => {
    expect(shortLocation('file:///work/main/node_modules/graphql/index.js', 4)).toBe('graphql/index.js:5');
    expect(shortLocation('file:///work/main/gateway/src/server.ts', 0)).toBe('gateway/src/server.ts:1');
    expect(shortLocation('file:///work/main/packages/core/dist/log.js', 2)).toBe('packages/core/dist/log.js:3');
  });
});

describe('aggregateProfile', () => {
  it('sums self time per function and per package, leaving idle out of the shares', () => {
    // 2 idle, 3 plan, 1 mask, 1 emit, 1 gc, 1 program, then plan again (the last sample counts until endTime)
    const summary = aggregateProfile(profile([2, 2, 5, 5, 5, 6, 7, 4, 3, 5]));
    expect(summary.idleMs).toBe(2);
    expect(summary.busyMs).toBe(8);
    expect(summary.byPackage[0]).toMatchObject({ name: '@graphql-hive/router-runtime', selfMs: 4, share: 0.5 });
    expect(summary.byFunction[0]).toMatchObject({ name: 'plan @graphql-hive/router-runtime/dist/index.js:42', selfMs: 4 });
    expect(summary.byPackage.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@egov/core', 'node core (events)', 'V8 garbage collector', 'V8/native (program)']),
    );
    expect(summary.byPackage.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1);
  });

  it('keeps only the samples inside the window', () => {
    // samples at 1..5 ms are start-up (our code), 6..10 ms the load (the planner)
    const summary = aggregateProfile(profile([6, 6, 6, 6, 6, 5, 5, 5, 5, 5]), { fromMs: 6, toMs: 11 });
    expect(summary.byPackage).toHaveLength(1);
    expect(summary.byPackage[0]!.name).toBe('@graphql-hive/router-runtime');
  });

  it("says how much of the busy time is the project's own code", () => {
    // 8 busy samples, one of them in packages/core (ours)
    const summary = aggregateProfile(profile([2, 2, 5, 5, 5, 6, 7, 4, 3, 5]));
    expect(ownShare(summary)).toEqual({ selfMs: 1, share: 1 / 8 });
    expect(formatProfile(summary)).toContain("The project's own code (the @egov/* packages, self time): 1 ms = 12.5 % of the busy time");
  });

  it('formats a readable Markdown summary', () => {
    const text = formatProfile(aggregateProfile(profile([5, 6, 2])), 5);
    expect(text).toContain('| @graphql-hive/router-runtime |');
    expect(text).toContain('`plan @graphql-hive/router-runtime/dist/index.js:42`');
    expect(text).toMatch(/on CPU/);
  });
});

describe('aggregateComponents', () => {
  /** The verifier calls jose, which calls node's crypto; graphql-js runs a resolver that calls the registry client, which parses with zod. */
  const subgraph: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 9] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('principalOf', 'file:///r/packages/security/src/tokens/token-verifier.ts', 10), children: [5] },
      { id: 5, callFrame: frame('verify', 'file:///r/node_modules/jose/dist/webapi/jws/verify.js', 3), children: [6] },
      { id: 6, callFrame: frame('(anonymous)', 'node:internal/crypto/util', 470) },
      { id: 4, callFrame: frame('execute', 'file:///r/node_modules/graphql/execution/execute.js', 1), children: [7] },
      { id: 7, callFrame: frame('loadPerson', 'file:///r/packages/registry-client/src/reads/individuals.ts', 1), children: [8] },
      { id: 8, callFrame: frame('parse', 'file:///r/node_modules/zod/lib/types.js', 1) },
      { id: 9, callFrame: frame('emit', 'node:events', 470) },
    ],
    startTime: 0,
    endTime: 9000,
    // idle, crypto under jose under the verifier ×3, zod under the registry client ×2, graphql itself, an event
    samples: [2, 6, 6, 6, 8, 8, 4, 9],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it("gives each busy sample to the innermost frame's component: crypto under jose is token verification, zod under the registry client is the client", () => {
    const times = aggregateComponents(subgraph, SUBGRAPH_COMPONENTS);
    expect(times).toEqual([
      { name: 'token verification (TokenVerifier, jose)', ms: 3, share: 3 / 7 },
      { name: 'registry client (our code, zod parsing)', ms: 2, share: 2 / 7 },
      { name: 'graphql-js (parse, validate, execute)', ms: 1, share: 1 / 7 },
      { name: 'other (V8, node core, libraries)', ms: 1, share: 1 / 7 },
    ]);
    expect(formatComponents(times, 2)).toContain('| token verification (TokenVerifier, jose) | 3 | 42.9 % | 1.50 |');
  });

  it('knows our compiled modules (dist/) by the same components as their sources', () => {
    // Samples in our own frames (the verifier, the registry client), compiled as the bench runs them.
    const toDist = (url: string) => url.replace(/\/packages\/([^/]+)\/src\/(.+)\.ts$/, '/packages/$1/dist/$2.js');
    const compiled: CpuProfile = {
      ...subgraph,
      nodes: subgraph.nodes.map((node) => ({ ...node, callFrame: { ...node.callFrame, url: toDist(node.callFrame.url) } })),
      samples: [3, 3, 7],
      timeDeltas: [1000, 1000, 1000],
      endTime: 4000,
    };
    expect(compiled.nodes.find((node) => node.id === 3)!.callFrame.url).toBe('file:///r/packages/security/dist/tokens/token-verifier.js');
    expect(aggregateComponents(compiled, SUBGRAPH_COMPONENTS)).toEqual([
      { name: 'token verification (TokenVerifier, jose)', ms: 2, share: 2 / 3 },
      { name: 'registry client (our code, zod parsing)', ms: 1, share: 1 / 3 },
    ]);
  });
});
