import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../bin/processes.mjs';
import { deployPath } from './support/paths.js';
import { readYaml } from './support/yaml.js';

/**
 * deploy/docker-compose.yml, parsed as Compose reads it (anchors and merge keys resolved), and the files it
 * mounts: the proxy's nginx.conf, Prometheus' scrape config, the collector's config.
 */
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  read_only?: boolean;
  cap_drop?: string[];
  tmpfs?: string[];
  user?: string;
  ports?: string[];
  privileged?: boolean;
  security_opt?: string[];
  healthcheck?: { test: string[] };
  network_mode?: string;
  entrypoint?: string[];
  cap_add?: string[];
}
const compose = readYaml<{ services: Record<string, Service>; volumes: Record<string, unknown> }>(deployPath('docker-compose.yml'));
const services = compose.services;
const IMAGE = 'egov-graph:local';
/** The egov processes: the image run through its entry script (the `keys` helper overrides the entrypoint). */
const egov = Object.entries(services).filter(([, s]) => s.image === IMAGE && !s.entrypoint);
const processOf = (s: Service) => s.command![0]!;
const servicesRunning = (name: string) => egov.filter(([, s]) => processOf(s) === name);
const replicas = (s: Service) => s.deploy?.replicas ?? 1;
const SUBGRAPHS = ['individuals', 'legal-entities', 'payments', 'licensing', 'applications'];

describe('the local stack (docker-compose.yml)', () => {
  it('runs two gateways behind a proxy', () => {
    const gateways = servicesRunning('gateway');
    expect(gateways.reduce((n, [, s]) => n + replicas(s), 0)).toBe(2);
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^nginx:\d+\.\d+\.\d+/);
    for (const [name] of gateways) expect(Object.keys(proxy.depends_on ?? {})).toContain(name);
    const nginx = readFileSync(deployPath('proxy', 'nginx.conf'), 'utf8');
    for (const [name] of gateways) expect(nginx).toMatch(new RegExp(`server ${name}:${PROCESSES.gateway.port}\\b`));
    expect(proxy.volumes).toContain('./proxy/nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  it('exposes only the client routes through the proxy, and answers 404 to the rest (/metrics, /health stay inside)', () => {
    const nginx = readFileSync(deployPath('proxy', 'nginx.conf'), 'utf8');
    const locations = [...nginx.matchAll(/location\s+(=\s+)?(\S+)\s*\{([^}]*)\}/g)].map((m) => ({ path: m[2], body: m[3]! }));
    expect(
      locations
        .filter((l) => l.body.includes('proxy_pass'))
        .map((l) => l.path)
        .sort(),
    ).toEqual(['/attachments', '/graphql']);
    expect(locations.find((l) => l.path === '/')?.body).toContain('return 404');
    // The gateway rate-limits by this header: the proxy sets it, a client cannot.
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
  });

  it('runs two replicas of the applications subgraph sharing the scans and the audit anchor, one of each other subgraph', () => {
    for (const name of SUBGRAPHS) {
      const running = servicesRunning(name);
      expect(
        running.reduce((n, [, s]) => n + replicas(s), 0),
        name,
      ).toBe(name === 'applications' ? 2 : 1);
    }
    const applications = servicesRunning('applications')[0]![1];
    expect(applications.volumes).toContain(`attachments:${applications.environment!.ATTACHMENTS_DIR}`);
    for (const name of SUBGRAPHS) {
      const s = servicesRunning(name)[0]![1];
      expect(s.volumes, name).toContain(`audit-anchor:${s.environment!.AUDIT_ANCHOR_DIR}`);
    }
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['attachments', 'audit-anchor', 'pgdata']));
  });

  it('has PostgreSQL, Redis, an OpenTelemetry collector and Prometheus, all on pinned images', () => {
    expect(services.postgres?.image).toMatch(/^postgres:\d+\.\d+/);
    expect(services.redis?.image).toMatch(/^redis:\d+\.\d+\.\d+/);
    expect(services['otel-collector']?.image).toMatch(/^otel\/opentelemetry-collector-contrib:\d+\.\d+\.\d+$/);
    expect(services.prometheus?.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    for (const [name, s] of Object.entries(services)) {
      if (s.image !== IMAGE) expect(s.image, name).not.toMatch(/:latest$|^[^:]+$/);
    }
  });

  it("runs every egov process as in Kubernetes: read-only root, no capabilities, no privilege escalation, the image's non-root user", () => {
    for (const [name, s] of egov) {
      expect(s.read_only, name).toBe(true);
      expect(s.cap_drop, name).toEqual(['ALL']);
      expect(s.tmpfs, name).toContain('/tmp');
      expect(s.security_opt, name).toContain('no-new-privileges:true');
      expect(s.user, name).toBeUndefined();
      expect(s.privileged, name).toBeUndefined();
      expect(s.ports, `${name} is reached through the proxy or the network only`).toBeUndefined();
    }
  });

  it('makes the signing keys with a one-off helper that has no network and no capability but CHOWN', () => {
    const keys = services.keys!;
    expect(keys.network_mode).toBe('none');
    expect(keys.read_only).toBe(true);
    expect(keys.cap_drop).toEqual(['ALL']);
    expect(keys.cap_add).toEqual(['CHOWN']);
    for (const name of SUBGRAPHS) expect(servicesRunning(name)[0]![1].depends_on?.keys?.condition, name).toBe('service_completed_successfully');
  });

  it('starts each process by name through the one image, on the port the process table gives it', () => {
    for (const [name, s] of egov) {
      const process = processOf(s);
      expect(Object.keys(PROCESSES), name).toContain(process);
      const { port } = PROCESSES[process as keyof typeof PROCESSES];
      if (process === 'migrate' || process === 'mocks') continue;
      expect(s.environment?.PORT, name).toBe(String(port));
      expect(s.environment?.OTEL_SERVICE_NAME, name).toBe(process);
      expect(s.healthcheck?.test.join(' '), name).toContain(`127.0.0.1:${port}/ready`);
    }
  });

  it('applies the migrations once before any subgraph starts', () => {
    expect(processOf(services.migrate!)).toBe('migrate');
    for (const name of SUBGRAPHS) {
      for (const [service, s] of servicesRunning(name)) {
        expect(s.depends_on?.migrate?.condition, service).toBe('service_completed_successfully');
        expect(s.environment?.MIGRATE_ON_START, service).toBe('false');
      }
    }
    expect(services.migrate!.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
  });

  it('routes the gateways to the subgraphs and the subgraphs to the mock registries by service name', () => {
    const names = new Set(Object.keys(services));
    for (const [service, s] of servicesRunning('gateway')) {
      for (const subgraph of SUBGRAPHS) {
        const variable = `${subgraph.toUpperCase().replace('-', '_')}_SUBGRAPH_URL`;
        const url = new URL(s.environment![variable]!);
        expect(names.has(url.hostname), `${service} ${variable}`).toBe(true);
        expect(Number(url.port)).toBe(PROCESSES[subgraph as keyof typeof PROCESSES].port);
        expect(url.pathname).toBe('/graphql');
      }
    }
    for (const subgraph of SUBGRAPHS) {
      const env = servicesRunning(subgraph)[0]![1].environment!;
      const registries = Object.entries(env).filter(([key]) => key.endsWith('_REGISTRY_URL'));
      expect(registries.length, subgraph).toBe(5); // the four registries and the consents service
      for (const [, value] of registries) expect(new URL(value).hostname).toBe('mocks');
    }
  });

  it("sends every process's traces to the collector, and the collector has a traces pipeline listening there", () => {
    const collector = readYaml<{
      receivers: Record<string, { protocols: { http?: { endpoint: string } } }>;
      processors: Record<string, unknown>;
      exporters: Record<string, unknown>;
      service: { pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
    }>(deployPath('otel', 'collector.yaml'));
    const traces = collector.service.pipelines.traces!;
    for (const r of traces.receivers) expect(collector.receivers).toHaveProperty([r]);
    for (const p of traces.processors) expect(collector.processors).toHaveProperty([p]);
    for (const e of traces.exporters) expect(collector.exporters).toHaveProperty([e]);
    const listen = collector.receivers.otlp!.protocols.http!.endpoint;
    for (const [name, s] of egov.filter(([, s]) => !['migrate', 'mocks'].includes(processOf(s)))) {
      const endpoint = new URL(s.environment!.OTEL_EXPORTER_OTLP_ENDPOINT!);
      expect(endpoint.hostname, name).toBe('otel-collector');
      expect(listen.endsWith(`:${endpoint.port}`), name).toBe(true);
    }
  });

  it('has Prometheus scrape every replica of every process on its metrics port', () => {
    const config = readYaml<{ scrape_configs: { job_name: string; dns_sd_configs: { names: string[]; port: number }[] }[] }>(
      deployPath('prometheus', 'prometheus.yml'),
    );
    for (const process of ['gateway', ...SUBGRAPHS]) {
      const job = config.scrape_configs.find((j) => j.job_name === `egov-${process}`);
      expect(job, process).toBeDefined();
      const scraped = job!.dns_sd_configs.flatMap((sd) => sd.names);
      for (const [service, s] of servicesRunning(process)) {
        expect(scraped, process).toContain(service);
        expect(job!.dns_sd_configs[0]!.port).toBe(Number(s.environment!.METRICS_PORT));
      }
    }
  });
});
