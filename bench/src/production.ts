import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '@egov/schema';

/** The services whose production Node flags the bench applies: the gateway and every subgraph. */
export type ServiceName = 'gateway' | 'individuals' | 'legal-entities' | 'payments' | 'licensing' | 'applications';

/**
 * The Node flags each service runs with in production: NODE_OPTIONS of its Kubernetes Deployment, from the one table
 * the manifests are tested against (deploy/bin/processes.mjs; deploy/tests/k8s.test.ts), split into arguments.
 */
export async function productionNodeArgs(): Promise<Record<ServiceName, string[]>> {
  const { PROCESSES } = (await import(pathToFileURL(join(repoRoot, 'deploy/bin/processes.mjs')).href)) as {
    PROCESSES: Record<string, { nodeOptions?: string }>;
  };
  const names: ServiceName[] = ['gateway', 'individuals', 'legal-entities', 'payments', 'licensing', 'applications'];
  return Object.fromEntries(
    names.map((name) => {
      const options = PROCESSES[name]?.nodeOptions;
      if (options === undefined) throw new Error(`deploy/bin/processes.mjs has no nodeOptions for ${name}`);
      return [name, options.split(/\s+/).filter(Boolean)];
    }),
  ) as Record<ServiceName, string[]>;
}

/** The packages the bench runs compiled: ours, the subgraphs, and its own targets (with what each depends on). */
const BUILT = ['@egov/bench', '@egov/gateway', '@egov/individuals', '@egov/legal-entities', '@egov/payments', '@egov/licensing', '@egov/applications'];

/**
 * `npm run build` for what the bench runs compiled (turbo: whatever is unchanged since the last build comes from its
 * cache in seconds), so a session never measures a stale dist/. Throws with turbo's output when the build fails.
 */
export function buildForBench(): void {
  const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');
  const result = spawnSync(process.execPath, [turbo, 'run', 'build', ...BUILT.map((pkg) => `--filter=${pkg}...`), '--output-logs=errors-only'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`npm run build failed (run it to see why, or bench with --source):\n${`${result.stdout}${result.stderr}`.slice(-3000)}`);
}
