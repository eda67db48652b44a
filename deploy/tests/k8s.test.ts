import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROCESSES } from '../bin/processes.mjs';
import { differences } from '../bin/sync-k8s-data.mjs';
import { type K8sObject, render } from './support/kustomize.js';
import { type Endpoint, NetworkPolicies, selects } from './support/netpol.js';
import { K8S_DIR } from './support/paths.js';

/**
 * Every kustomization under deploy/k8s is rendered and every object is validated against the Kubernetes
 * schemas (kubernetes-models); then the rules of issue 13 are checked on what would be applied: the objects
 * after kustomize, not the files before it.
 */
const SERVICES = ['gateway', 'individuals', 'legal-entities', 'payments', 'licensing', 'applications'] as const;
const SUBGRAPHS = SERVICES.filter((s) => s !== 'gateway');
const OVERLAYS = { staging: 'egov-staging', production: 'egov' } as const;
const KUSTOMIZATIONS = ['base', 'overlays/staging', 'overlays/production', 'secrets'];
/** Room for what a Node process holds outside V8's heap (code, buffers, the allocator): measured, plus a margin. */
const NODE_OUTSIDE_HEAP_MIB = 96;

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are checked field by field below */
type Any = any;

const rendered = new Map<string, K8sObject[]>();
beforeAll(() => {
  for (const dir of KUSTOMIZATIONS) rendered.set(dir, render(join(K8S_DIR, dir)));
});
const objects = (dir: string) => rendered.get(dir)!;
const ofKind = (dir: string, kind: string) => objects(dir).filter((o) => o.kind === kind) as Any[];
const named = (dir: string, kind: string, name: string) => ofKind(dir, kind).find((o) => o.metadata.name === name);
/** A generated ConfigMap keeps its name plus a content hash (egov-config-5f2k…). */
const configMap = (dir: string, name: string) => ofKind(dir, 'ConfigMap').find((o) => o.metadata.name === name || o.metadata.name.startsWith(`${name}-`));
const appContainer = (deployment: Any) => deployment.spec.template.spec.containers.find((c: Any) => c.name === 'app');

/** The environment a container gets: envFrom ConfigMaps first, then env (which wins), values resolved. */
function environment(dir: string, container: Any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, ofKind(dir, 'ConfigMap').find((o) => o.metadata.name === from.configMapRef.name)?.data ?? {});
  }
  for (const variable of container.env ?? []) {
    env[variable.name] =
      variable.value ?? (variable.valueFrom?.secretKeyRef ? `secret:${variable.valueFrom.secretKeyRef.name}/${variable.valueFrom.secretKeyRef.key}` : '');
  }
  return env;
}

async function modelFor(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | undefined> {
  const module = (await import(`kubernetes-models/${apiVersion}`).catch(() => undefined)) as Record<string, unknown> | undefined;
  return module?.[kind] as (new (data: unknown) => { validate(): void }) | undefined;
}

describe('every kustomization renders to objects that are valid Kubernetes', () => {
  it.each(KUSTOMIZATIONS)('%s', async (dir) => {
    const list = objects(dir);
    expect(list.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const object of list) {
      const Model = await modelFor(object.apiVersion, object.kind);
      expect(Model, `${object.apiVersion} ${object.kind} is not a Kubernetes API kind`).toBeDefined();
      const id = `${object.kind}/${object.metadata.name}`;
      expect(() => new Model!(object).validate(), id).not.toThrow();
      expect(seen.has(id), `${id} twice`).toBe(false);
      seen.add(id);
    }
  });

  it('has the Kubernetes data in step with the repository (catalog, calendar, fees, staging fixtures)', () => {
    expect(differences()).toEqual([]);
  });
});

describe.each(Object.entries(OVERLAYS))('the %s overlay', (overlay, namespace) => {
  const dir = `overlays/${overlay}`;
  const deployment = (name: string) => named(dir, 'Deployment', name);

  it('puts everything in its namespace, which enforces the restricted Pod Security profile', () => {
    const ns = named(dir, 'Namespace', namespace);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const object of objects(dir))
      if (object.kind !== 'Namespace') expect(object.metadata.namespace, `${object.kind}/${object.metadata.name}`).toBe(namespace);
  });

  it('has a Deployment for each process of the graph, running the one image with the process as its argument', () => {
    const images = new Set<string>();
    for (const name of SERVICES) {
      const container = appContainer(deployment(name));
      expect(container.args, name).toEqual([name]);
      images.add(container.image);
    }
    expect(images.size).toBe(1);
    const [image] = [...images];
    expect(image).toMatch(overlay === 'production' ? /@sha256:[0-9a-f]{64}$/ : /:[\w.-]+$/);
    expect(image).not.toMatch(/:latest$/);
  });

  it.each(SERVICES)('%s: at least two replicas, spread over nodes, rolled without losing capacity', (name) => {
    const d = deployment(name);
    expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(d.spec.template.spec.topologySpreadConstraints[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(selects(d.spec.selector, d.spec.template.metadata.labels)).toBe(true);
  });

  it.each(SERVICES)('%s: readiness on /ready, liveness on /health, on the API port', (name) => {
    const container = appContainer(deployment(name));
    const http = container.ports.find((p: Any) => p.name === 'http');
    expect(http.containerPort).toBe(PROCESSES[name].port);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(container.startupProbe.httpGet.path).toBe('/health');
    // Liveness must be more patient than readiness: a slow moment takes a pod out of rotation, not restarts it.
    expect(container.livenessProbe.periodSeconds * container.livenessProbe.failureThreshold).toBeGreaterThan(
      container.readinessProbe.periodSeconds * container.readinessProbe.failureThreshold,
    );
    expect(environment(dir, container).PORT).toBe(String(PROCESSES[name].port));
  });

  it.each(SERVICES)('%s: CPU and memory requested and limited, and a heap that fits the limit', (name) => {
    const container = appContainer(deployment(name));
    const { requests, limits } = container.resources;
    for (const resource of ['cpu', 'memory']) {
      expect(requests[resource], `${name} requests.${resource}`).toBeDefined();
      expect(limits[resource], `${name} limits.${resource}`).toBeDefined();
    }
    const mebibytes = (quantity: string) => Number(/^(\d+)Mi$/.exec(quantity)?.[1] ?? Number.NaN);
    const millicores = (quantity: string) => (quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000);
    expect(mebibytes(requests.memory)).toBeLessThanOrEqual(mebibytes(limits.memory));
    expect(millicores(requests.cpu)).toBeLessThanOrEqual(millicores(limits.cpu));
    // The Node flags are the ones the bench measures with (deploy/bin/processes.mjs): one table for both.
    const nodeOptions = environment(dir, container).NODE_OPTIONS ?? '';
    expect(nodeOptions, `${name} NODE_OPTIONS`).toBe(PROCESSES[name].nodeOptions);
    // V8's heap limit is the old space plus three semi-spaces (two for the young generation, one for its large
    // objects); Node's own memory beyond the heap measured 50-70 MiB in these processes under load (compiled,
    // Node 20; Node 24 holds 15-30 MiB more). All of it must fit, or the kernel kills the pod before V8 collects.
    const flag = (name: string) => Number(new RegExp(`--${name}=(\\d+)`).exec(nodeOptions)?.[1]);
    const heap = flag('max-old-space-size') + 3 * flag('max-semi-space-size');
    expect(heap + NODE_OUTSIDE_HEAP_MIB, `${name}: heap ${heap} MiB + ${NODE_OUTSIDE_HEAP_MIB} MiB outside it`).toBeLessThanOrEqual(mebibytes(limits.memory));
  });

  it.each(SERVICES)('%s: non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, no API token', (name) => {
    const pod = deployment(name).spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostNetwork ?? false).toBe(false);
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      const sc = container.securityContext;
      expect(sc.readOnlyRootFilesystem).toBe(true);
      expect(sc.allowPrivilegeEscalation).toBe(false);
      expect(sc.privileged ?? false).toBe(false);
      expect(sc.capabilities.drop).toEqual(['ALL']);
      expect(sc.capabilities.add).toBeUndefined();
      expect(sc.runAsUser ?? pod.securityContext.runAsUser).not.toBe(0);
    }
  });

  it.each(SERVICES)('%s: writes only to /tmp and the shared volumes; keys and data are mounted read-only', (name) => {
    const pod = deployment(name).spec.template.spec;
    const volumes = new Map(pod.volumes.map((v: Any) => [v.name, v]));
    const container = appContainer(deployment(name));
    expect(container.volumeMounts.find((m: Any) => m.mountPath === '/tmp')).toBeDefined();
    for (const mount of container.volumeMounts) {
      const volume: Any = volumes.get(mount.name);
      expect(volume, `${name}: volume ${mount.name}`).toBeDefined();
      if (volume.secret || volume.configMap) expect(mount.readOnly, `${name}: ${mount.mountPath}`).toBe(true);
      if (!mount.readOnly) expect(volume.emptyDir ?? volume.persistentVolumeClaim, `${name}: ${mount.mountPath} is writable`).toBeDefined();
    }
    // The files the environment points at are on read-only mounts.
    const env = environment(dir, container);
    for (const [key, value] of Object.entries(env)) {
      if (!/_(FILE|JWKS)$|^TRUST_/.test(key) || !value.startsWith('/')) continue;
      const mount = container.volumeMounts.find((m: Any) => value.startsWith(`${m.mountPath}/`));
      expect(mount, `${name}: ${key}=${value} is on no volume`).toBeDefined();
      expect(mount.readOnly, `${name}: ${key}`).toBe(true);
    }
  });

  it.each(SERVICES)('%s: drains within the grace period on SIGTERM', (name) => {
    const d = deployment(name);
    const container = appContainer(d);
    const grace = d.spec.template.spec.terminationGracePeriodSeconds;
    expect(grace).toBe(30);
    const drainMs = Number(environment(dir, container).SHUTDOWN_GRACE_MS);
    expect(drainMs).toBe(25_000);
    const pause = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    // The preStop pause and the app's drain both happen inside the grace period, before the kubelet's SIGKILL.
    expect(pause * 1000 + drainMs).toBeLessThan(grace * 1000);
  });

  it.each(SERVICES)('%s: a Service, a PodDisruptionBudget and an autoscaler of its own', (name) => {
    const d = deployment(name);
    const podLabels = d.spec.template.metadata.labels;
    const others = SERVICES.filter((n) => n !== name).map((n) => deployment(n).spec.template.metadata.labels);

    const services = ofKind(dir, 'Service').filter((s) => selects({ matchLabels: s.spec.selector }, podLabels));
    expect(services.map((s) => s.metadata.name)).toEqual([name]);
    expect(services[0].spec.ports).toEqual([expect.objectContaining({ port: PROCESSES[name].port, targetPort: 'http' })]);

    const pdbs = ofKind(dir, 'PodDisruptionBudget').filter((p) => selects(p.spec.selector, podLabels));
    expect(pdbs).toHaveLength(1);
    for (const labels of others) expect(selects(pdbs[0].spec.selector, labels)).toBe(false);
    // The budget lets a drain proceed one pod at a time and never takes the last one.
    const { maxUnavailable, minAvailable } = pdbs[0].spec;
    if (maxUnavailable !== undefined) expect(maxUnavailable).toBe(1);
    else expect(minAvailable).toBeLessThan(d.spec.replicas);

    const hpas = ofKind(dir, 'HorizontalPodAutoscaler').filter((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name);
    expect(hpas).toHaveLength(1);
    const hpa = hpas[0];
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(d.spec.replicas);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics.some((m: Any) => m.resource?.name === 'cpu')).toBe(true);
  });

  it.each(SERVICES)('%s: traces to the collector, metrics on the port Prometheus is told to scrape', (name) => {
    const d = deployment(name);
    const container = appContainer(d);
    const env = environment(dir, container);
    expect(env.OTEL_SERVICE_NAME).toBe(name);
    expect(new URL(env.OTEL_EXPORTER_OTLP_ENDPOINT!).port).toBe('4318');
    expect(env.OTEL_METRICS_EXPORTER).toBe('none');
    const annotations = d.spec.template.metadata.annotations;
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/port']).toBe(env.METRICS_PORT);
    expect(container.ports.find((p: Any) => p.name === 'metrics').containerPort).toBe(Number(env.METRICS_PORT));
  });

  it('takes every key from a Secret the secrets template defines, and applies no Secret itself', () => {
    expect(ofKind(dir, 'Secret')).toEqual([]);
    const templates = new Map(ofKind('secrets', 'Secret').map((s) => [s.metadata.name, new Set(Object.keys(s.stringData ?? s.data ?? {}))]));
    const workloads = [...ofKind(dir, 'Deployment'), ...ofKind(dir, 'Job')];
    const referenced: string[] = [];
    for (const w of workloads) {
      const pod = w.spec.template.spec;
      for (const container of pod.containers) {
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (!ref) continue;
          referenced.push(ref.name);
          expect(templates.get(ref.name)?.has(ref.key), `${w.metadata.name}: ${ref.name}/${ref.key}`).toBe(true);
        }
      }
      for (const volume of pod.volumes ?? []) {
        if (!volume.secret) continue;
        referenced.push(volume.secret.secretName);
        expect(templates.has(volume.secret.secretName), `${w.metadata.name}: ${volume.secret.secretName}`).toBe(true);
        for (const item of volume.secret.items ?? []) expect(templates.get(volume.secret.secretName)!.has(item.key)).toBe(true);
      }
    }
    // Every template is used by something, so none is created for nothing.
    expect(new Set(referenced)).toEqual(new Set(templates.keys()));
  });

  it('mounts only ConfigMaps and claims that the overlay creates', () => {
    const configMaps = new Set(ofKind(dir, 'ConfigMap').map((c) => c.metadata.name));
    const claims = new Set(ofKind(dir, 'PersistentVolumeClaim').map((c) => c.metadata.name));
    for (const w of [...ofKind(dir, 'Deployment'), ...ofKind(dir, 'Job')]) {
      const pod = w.spec.template.spec;
      for (const volume of pod.volumes ?? []) {
        if (volume.configMap) expect(configMaps.has(volume.configMap.name), `${w.metadata.name}: ${volume.configMap.name}`).toBe(true);
        if (volume.persistentVolumeClaim) expect(claims.has(volume.persistentVolumeClaim.claimName)).toBe(true);
      }
      for (const container of pod.containers) for (const from of container.envFrom ?? []) expect(configMaps.has(from.configMapRef.name)).toBe(true);
    }
  });

  it('shares scans and audit checkpoints between replicas on ReadWriteMany volumes', () => {
    for (const claim of ['egov-attachments', 'egov-audit-anchor'])
      expect(named(dir, 'PersistentVolumeClaim', claim).spec.accessModes).toEqual(['ReadWriteMany']);
    const mountsOf = (name: string) =>
      deployment(name)
        .spec.template.spec.volumes.filter((v: Any) => v.persistentVolumeClaim)
        .map((v: Any) => v.persistentVolumeClaim.claimName);
    expect(mountsOf('applications')).toEqual(expect.arrayContaining(['egov-attachments', 'egov-audit-anchor']));
    for (const name of SUBGRAPHS) expect(mountsOf(name)).toContain('egov-audit-anchor');
    expect(mountsOf('gateway')).toEqual([]);
  });

  it('keeps ConfigMaps within the 1 MiB Kubernetes limit', () => {
    for (const c of ofKind(dir, 'ConfigMap')) {
      const bytes = Object.values({ ...(c.data ?? {}), ...(c.binaryData ?? {}) }).reduce((n: number, v) => n + Buffer.byteLength(String(v)), 0);
      expect(bytes, c.metadata.name).toBeLessThan(1024 * 1024);
    }
  });

  it('gives the catalog, calendar and fee data to the processes that read them, as mounted files', () => {
    const env = (name: string) => environment(dir, appContainer(deployment(name)));
    for (const name of ['payments', 'applications']) {
      expect(env(name).CATALOG_DIR).toBe('/etc/egov/data/catalog');
      expect(env(name).MRP_TABLE_FILE).toBe('/etc/egov/data/fees/mrp.json');
    }
    expect(env('applications').CALENDAR_DIR).toBe('/etc/egov/data/calendar');
    const catalog = configMap(dir, 'egov-catalog');
    expect(Object.keys(catalog.data).length).toBeGreaterThan(10);
    expect(Object.keys(configMap(dir, 'egov-calendar').data).sort()).toEqual(['holidays.json', 'kurban-ait.json', 'transfers.json']);
    expect(Object.keys(configMap(dir, 'egov-fees').data)).toContain('mrp.json');
    for (const data of [catalog.data, configMap(dir, 'egov-fees').data])
      for (const [file, text] of Object.entries(data)) expect(() => JSON.parse(text as string), file).not.toThrow();
  });

  it("runs the migrations as a Job with the schema owner's credentials, hardened like the processes", () => {
    const job = named(dir, 'Job', 'egov-migrate');
    const pod = job.spec.template.spec;
    const container = appContainer(job);
    expect(container.args).toEqual(['migrate']);
    expect(container.image).toBe(appContainer(deployment('gateway')).image);
    expect(pod.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
    expect(container.env.find((e: Any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef.key).toBe('MIGRATION_DATABASE_URL');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext.capabilities.drop).toEqual(['ALL']);
    expect(container.resources.limits.memory).toBeDefined();
    // The processes leave the schema to the Job.
    for (const name of SUBGRAPHS) expect(environment(dir, appContainer(deployment(name))).MIGRATE_ON_START).toBe('false');
  });

  describe('network policies', () => {
    let policies: NetworkPolicies;
    beforeAll(() => {
      policies = new NetworkPolicies(objects(dir), namespace);
    });
    const here = (labels: Record<string, string>, ports: Record<string, number> = {}): Endpoint => ({
      kind: 'pod',
      labels,
      namespace,
      namespaceLabels: { 'kubernetes.io/metadata.name': namespace },
      ports,
    });
    const elsewhere = (namespaceLabels: Record<string, string>, labels: Record<string, string> = { app: 'x' }): Endpoint => ({
      kind: 'pod',
      labels,
      namespace: 'other',
      namespaceLabels,
    });
    const podOf = (name: string) => {
      const d = deployment(name);
      return here(d.spec.template.metadata.labels, Object.fromEntries(appContainer(d).ports.map((p: Any) => [p.name, p.containerPort])));
    };
    const gateway = () => podOf('gateway');
    const publicIngress = elsewhere({ 'egov-graph.kz/ingress': 'public' });
    const partnerIngress = elsewhere({ 'egov-graph.kz/ingress': 'partner' });
    const monitoring = elsewhere({ 'egov-graph.kz/monitoring': 'true' });
    const collector = elsewhere({ 'egov-graph.kz/telemetry': 'true' });
    const dns = elsewhere({ 'kubernetes.io/metadata.name': 'kube-system' }, { 'k8s-app': 'kube-dns' });
    const stranger = elsewhere({ 'kubernetes.io/metadata.name': 'default' });
    const neighbour = here({ app: 'something-else' });
    const cidr = (policy: string, port: number) =>
      (named(dir, 'NetworkPolicy', policy).spec.egress as Any[]).find((r) => r.ports?.some((p: Any) => p.port === port))?.to[0].ipBlock.cidr as string;
    const inside = (block: string): Endpoint => ({ kind: 'ip', ip: block.split('/')[0]! });

    it('closes both directions for every pod unless a rule opens them', () => {
      const deny = named(dir, 'NetworkPolicy', 'egov-default-deny');
      expect(deny.spec.podSelector).toEqual({});
      expect(deny.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
      expect(deny.spec.ingress).toBeUndefined();
      expect(deny.spec.egress).toBeUndefined();
    });

    it.each(SUBGRAPHS)('%s answers only the gateway and the partner ingress on its API port', (name) => {
      const port = PROCESSES[name].port!;
      expect(policies.allows(gateway(), podOf(name), port)).toBe(true);
      expect(policies.allows(partnerIngress, podOf(name), port)).toBe(true);
      for (const [who, from] of Object.entries({ publicIngress, monitoring, stranger, neighbour, collector }))
        expect(policies.allows(from, podOf(name), port), `${who} → ${name}`).toBe(false);
      for (const other of SUBGRAPHS.filter((n) => n !== name)) expect(policies.allows(podOf(other), podOf(name), port), `${other} → ${name}`).toBe(false);
    });

    it.each(SERVICES)('%s shows its metrics to Prometheus only, on the metrics port only', (name) => {
      expect(policies.allows(monitoring, podOf(name), 9464)).toBe(true);
      expect(policies.allows(monitoring, podOf(name), PROCESSES[name].port!)).toBe(false);
      expect(policies.allows(partnerIngress, podOf(name), 9464)).toBe(false);
      expect(policies.allows(stranger, podOf(name), 9464)).toBe(false);
    });

    it('lets clients reach the gateway only through the public ingress', () => {
      expect(policies.allows(publicIngress, gateway(), 4000)).toBe(true);
      for (const from of [partnerIngress, stranger, neighbour]) expect(policies.allows(from, gateway(), 4000)).toBe(false);
    });

    it('lets the gateway reach the subgraphs and Redis, and nothing outside', () => {
      for (const name of SUBGRAPHS) expect(policies.allows(gateway(), podOf(name), PROCESSES[name].port!), name).toBe(true);
      expect(policies.allows(gateway(), inside(cidr('gateway-egress', 6379)), 6379)).toBe(true);
      expect(policies.allows(gateway(), inside(cidr('subgraphs-egress', 5432)), 5432)).toBe(false);
      expect(policies.allows(gateway(), inside(cidr('subgraphs-egress', 443)), 443)).toBe(false);
      expect(policies.allows(gateway(), { kind: 'ip', ip: '8.8.8.8' }, 443)).toBe(false);
    });

    it.each(SUBGRAPHS)('%s reaches PostgreSQL, Redis, the registries, DNS and the collector, and nothing else', (name) => {
      const pod = podOf(name);
      expect(policies.allows(pod, inside(cidr('subgraphs-egress', 5432)), 5432)).toBe(true);
      expect(policies.allows(pod, inside(cidr('subgraphs-egress', 6379)), 6379)).toBe(true);
      expect(policies.allows(pod, inside(cidr('subgraphs-egress', 443)), 443)).toBe(true);
      expect(policies.allows(pod, dns, 53, 'UDP')).toBe(true);
      expect(policies.allows(pod, collector, 4318)).toBe(true);
      expect(policies.allows(pod, { kind: 'ip', ip: '8.8.8.8' }, 443)).toBe(false);
      expect(policies.allows(pod, inside(cidr('subgraphs-egress', 5432)), 22)).toBe(false);
      expect(policies.allows(pod, gateway(), 4000)).toBe(false);
      expect(policies.allows(pod, stranger, 80)).toBe(false);
    });

    it('lets the migration Job reach PostgreSQL and DNS only', () => {
      const job = here(named(dir, 'Job', 'egov-migrate').spec.template.metadata.labels);
      expect(policies.allows(job, inside(cidr('migrate-egress', 5432)), 5432)).toBe(true);
      expect(policies.allows(job, dns, 53, 'UDP')).toBe(true);
      expect(policies.allows(job, inside(cidr('subgraphs-egress', 443)), 443)).toBe(false);
      expect(policies.allows(job, gateway(), 4000)).toBe(false);
    });

    if (overlay === 'staging') {
      it('lets the subgraphs, and only they, reach the mock registries', () => {
        const mocks = here(named(dir, 'Deployment', 'mocks').spec.template.metadata.labels);
        for (const name of SUBGRAPHS) for (const port of [4101, 4102, 4103, 4104, 4105]) expect(policies.allows(podOf(name), mocks, port)).toBe(true);
        for (const from of [gateway(), partnerIngress, stranger]) expect(policies.allows(from, mocks, 4101)).toBe(false);
      });
    }
  });
});

describe('the registries each environment uses', () => {
  const urls = (dir: string) =>
    Object.entries(configMap(dir, 'egov-registries').data as Record<string, string>).filter(([key]) => key.endsWith('_REGISTRY_URL'));

  it('staging: the mock registries in its own namespace', () => {
    const mocks = named('overlays/staging', 'Service', 'mocks');
    const ports = mocks.spec.ports.map((p: Any) => p.port);
    for (const [key, value] of urls('overlays/staging')) {
      const url = new URL(value);
      expect(url.hostname, key).toBe('mocks');
      expect(ports).toContain(Number(url.port));
    }
    expect(named('overlays/staging', 'Deployment', 'mocks')).toBeDefined();
  });

  it('production: HTTPS addresses, never the mocks, which production does not run', () => {
    for (const [key, value] of urls('overlays/production')) expect(new URL(value).protocol, key).toBe('https:');
    expect(named('overlays/production', 'Deployment', 'mocks')).toBeUndefined();
    for (const d of ofKind('overlays/production', 'Deployment')) expect(appContainer(d).args).not.toContain('mocks');
  });

  it('production: no placeholder fee rates (amounts show as unknown until real ones are configured)', () => {
    expect(Object.keys(configMap('overlays/production', 'egov-fees').data)).toEqual(['mrp.json']);
    for (const d of ofKind('overlays/production', 'Deployment')) expect(environment('overlays/production', appContainer(d)).FEE_RATES_FILE).toBeUndefined();
  });
});

describe('the secrets template', () => {
  it('holds only placeholders that stop a process at boot (too short for a key, not a PEM, not a URL)', () => {
    for (const secret of ofKind('secrets', 'Secret')) {
      for (const [key, value] of Object.entries(secret.stringData as Record<string, string>)) {
        expect(value, `${secret.metadata.name}/${key}`).toBe('REPLACE_ME');
      }
    }
    // The processes refuse AUDIT_SUBJECT_KEY and CACHE_KEY_SECRET under 16 characters.
    expect('REPLACE_ME'.length).toBeLessThan(16);
  });
});
