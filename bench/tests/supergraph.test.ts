import { readSupergraph } from '@egov/schema';
import { describe, expect, it } from 'vitest';
import { withoutSecurityPurpose, withSubgraphUrls } from '../src/targets/supergraph.js';

describe('withSubgraphUrls', () => {
  it('points every subgraph of the checked-in supergraph elsewhere and leaves the rest alone', () => {
    const sdl = readSupergraph();
    const urls = {
      individuals: 'http://127.0.0.1:1/graphql',
      'legal-entities': 'http://127.0.0.1:2/graphql',
      payments: 'http://127.0.0.1:3/graphql',
      licensing: 'http://127.0.0.1:4/graphql',
    };
    const out = withSubgraphUrls(sdl, urls);
    for (const [name, url] of Object.entries(urls)) expect(out).toContain(`@join__graph(name: "${name}", url: "${url}")`);
    expect(out.replace(/url: "[^"]*"/g, '')).toBe(sdl.replace(/url: "[^"]*"/g, ''));
  });

  it('refuses a subgraph the supergraph does not have', () => {
    expect(() => withSubgraphUrls('enum join__Graph { A @join__graph(name: "a", url: "x") }', { b: 'y' })).toThrow(/no subgraph named b/);
  });
});

describe('withoutSecurityPurpose', () => {
  it('keeps the SECURITY features linked but without the purpose @apollo/gateway refuses', () => {
    const sdl =
      'schema @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION) @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY) { query: Query }';
    expect(withoutSecurityPurpose(sdl)).toBe(
      'schema @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION) @link(url: "https://specs.apollo.dev/authenticated/v0.1") { query: Query }',
    );
  });
});
