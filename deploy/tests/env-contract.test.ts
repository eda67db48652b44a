import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type K8sObject, render } from './support/kustomize.js';
import { deployPath, K8S_DIR, REPO_ROOT } from './support/paths.js';
import { readYaml } from './support/yaml.js';

/**
 * The environment each process is given, the same in Kubernetes and in the local stack: the contract the code
 * reads (docs/operations.md, Deploying, lists it for operators). A variable added to one deployment and not the
 * other, or not documented, fails here.
 */
const COMMON = [
  'PORT',
  'LOG_LEVEL',
  'SHUTDOWN_GRACE_MS',
  'METRICS_PORT',
  'OTEL_SERVICE_NAME',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_TRACES_SAMPLER',
  'OTEL_METRICS_EXPORTER',
  'OTEL_LOGS_EXPORTER',
  'OTEL_RESOURCE_ATTRIBUTES',
  'AUTH_ISSUER',
  'AUTH_JWKS',
  'AUTH_AUDIENCE',
  'PARTNERS_FILE',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
];
const SUBGRAPH = [
  'DATABASE_URL',
  'MIGRATE_ON_START',
  'AUDIT_SUBJECT_KEY',
  'CACHE_KEY_SECRET',
  'AUDIT_ANCHOR_DIR',
  'AUDIT_ANCHOR_KEY_FILE',
  'INDIVIDUALS_REGISTRY_URL',
  'LEGAL_ENTITIES_REGISTRY_URL',
  'PAYMENTS_REGISTRY_URL',
  'LICENSING_REGISTRY_URL',
  'CONSENTS_REGISTRY_URL',
];
export const ENV_CONTRACT: Record<string, string[]> = {
  gateway: [
    ...COMMON,
    'TRUST_PROXY',
    'INDIVIDUALS_SUBGRAPH_URL',
    'LEGAL_ENTITIES_SUBGRAPH_URL',
    'PAYMENTS_SUBGRAPH_URL',
    'LICENSING_SUBGRAPH_URL',
    'APPLICATIONS_SUBGRAPH_URL',
  ],
  individuals: [...COMMON, ...SUBGRAPH],
  'legal-entities': [...COMMON, ...SUBGRAPH],
  payments: [...COMMON, ...SUBGRAPH, 'FEE_RATES_FILE'],
  licensing: [...COMMON, ...SUBGRAPH],
  applications: [...COMMON, ...SUBGRAPH, 'ATTACHMENTS_DIR', 'TRUST_ROOTS', 'TRUST_INTERMEDIATES', 'TRUST_CRLS', 'EVIDENCE_SIGNING_KEY_FILE', 'FEE_RATES_FILE'],
};
/** Set only in Kubernetes, and why. */
const KUBERNETES_ONLY = new Set([
  'NODE_OPTIONS', // heap size under the pod's memory limit
  'OTEL_TRACES_SAMPLER_ARG', // sampling ratio; the local stack keeps every trace
  'REGISTRY_TIMEOUT_MS', // stated beside the registries' addresses; the local stack uses the default
  'CATALOG_DIR',
  'CALENDAR_DIR',
  'MRP_TABLE_FILE', // ConfigMaps; the local stack uses the data shipped in the image
]);
/** Not every environment configures licence-fee rates (production has none yet). */
const OPTIONAL = new Set(['FEE_RATES_FILE']);

let staging: K8sObject[];
let production: K8sObject[];
beforeAll(() => {
  staging = render(join(K8S_DIR, 'overlays/staging'));
  production = render(join(K8S_DIR, 'overlays/production'));
});

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests */
function kubernetesEnv(objects: K8sObject[], name: string): Set<string> {
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name) as any;
  const container = deployment.spec.template.spec.containers.find((c: any) => c.name === 'app');
  const names = new Set<string>(container.env.map((e: any) => e.name));
  for (const from of container.envFrom ?? []) {
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef.name) as any;
    for (const key of Object.keys(configMap.data)) names.add(key);
  }
  // MIGRATE_ON_START is in the shared ConfigMap; the gateway has no database and ignores it.
  if (name === 'gateway') names.delete('MIGRATE_ON_START');
  return names;
}
function composeEnv(name: string): Set<string> {
  const compose = readYaml<{ services: Record<string, { command?: string[]; entrypoint?: unknown; environment?: Record<string, string> }> }>(
    deployPath('docker-compose.yml'),
  );
  const service = Object.values(compose.services).find((s) => !s.entrypoint && s.command?.[0] === name)!;
  return new Set(Object.keys(service.environment ?? {}));
}
const sorted = (names: Iterable<string>) => [...names].sort();
const without = (names: Set<string>, drop: Set<string>) => sorted([...names].filter((n) => !drop.has(n)));

describe.each(Object.keys(ENV_CONTRACT))('%s gets the same environment everywhere', (name) => {
  const contract = new Set(ENV_CONTRACT[name]);

  it('in the staging overlay', () => {
    expect(without(kubernetesEnv(staging, name), KUBERNETES_ONLY)).toEqual(sorted(contract));
  });

  it('in the production overlay (fee rates aside)', () => {
    expect(without(kubernetesEnv(production, name), KUBERNETES_ONLY)).toEqual(without(contract, OPTIONAL));
  });

  it('in the local stack', () => {
    expect(sorted(composeEnv(name))).toEqual(sorted(contract));
  });
});

describe('the operations guide', () => {
  it('documents every variable the deployments set', () => {
    const guide = readFileSync(join(REPO_ROOT, 'docs', 'operations.md'), 'utf8');
    for (const variable of new Set([...Object.values(ENV_CONTRACT).flat(), ...KUBERNETES_ONLY])) expect(guide, variable).toContain(`\`${variable}\``);
  });
});
