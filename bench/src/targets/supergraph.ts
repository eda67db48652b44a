/**
 * The checked-in supergraph with each subgraph's routing URL replaced: how the vanilla gateways are
 * pointed at this session's subgraphs (ours takes the *_SUBGRAPH_URL variables instead).
 */
export function withSubgraphUrls(supergraph: string, urls: Readonly<Record<string, string>>): string {
  const seen = new Set<string>();
  const out = supergraph.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (url === undefined) return whole;
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const missing = Object.keys(urls).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`supergraph has no subgraph named ${missing.join(', ')}`);
  return out;
}

/** BENCH_SUBGRAPH_URLS (JSON) as the target entries receive it. */
export function subgraphUrlsFromEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  const raw = env.BENCH_SUBGRAPH_URLS;
  if (!raw) throw new Error('BENCH_SUBGRAPH_URLS is required');
  return JSON.parse(raw) as Record<string, string>;
}

/** Caller headers the vanilla gateways pass on to the subgraphs: the bearer token and a partner's purpose. */
export const FORWARDED_HEADERS = ['authorization', 'x-purpose'] as const;

/**
 * @apollo/gateway refuses a supergraph that links features "for: SECURITY" it does not implement
 * (@authenticated and @requiresScopes are Apollo Router features). The subgraphs enforce both themselves,
 * so for that gateway the purpose is dropped and the directives stay as inert metadata.
 */
export function withoutSecurityPurpose(supergraph: string): string {
  return supergraph.replace(/@link\(url: "([^"]+)", for: SECURITY\)/g, '@link(url: "$1")');
}
