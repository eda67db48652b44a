import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../grafana/dashboard.mjs';
import { contractName, metricsContract, metricsIn, withoutGrafanaVariables } from './support/metrics.js';
import { deployPath } from './support/paths.js';
import { readYaml } from './support/yaml.js';

/**
 * The observability contract: METRICS.md lists what the processes export, and the Grafana dashboard and the
 * Prometheus alert rules may use nothing else. Queries are parsed with Prometheus' own PromQL grammar.
 */
const contract = metricsContract();
const egovMetrics = [...contract.values()].filter((m) => m.name.startsWith('egov_'));

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { refId: string; expr: string; datasource?: { uid: string } }[];
}
const dashboard = JSON.parse(readFileSync(deployPath('grafana', 'egov-graph.json'), 'utf8')) as {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string }[] };
};
const panels = dashboard.panels.filter((p) => p.type !== 'row');
const dashboardExprs = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const rules = readYaml<{ groups: { name: string; rules: Rule[] }[] }>(deployPath('prometheus', 'alerts.yml')).groups.flatMap((g) => g.rules);
const alertNamed = (name: string) => rules.find((r) => r.alert === name)!;

function used(exprs: string[]): Set<string> {
  return new Set(exprs.flatMap((expr) => metricsIn(withoutGrafanaVariables(expr)).map((series) => contractName(series, contract))));
}

describe('the metrics contract (METRICS.md)', () => {
  it('lists the metrics the issue asks for, each once', () => {
    for (const name of [
      'egov_graphql_requests_total',
      'egov_graphql_request_duration_seconds',
      'egov_registry_calls_total',
      'egov_registry_call_duration_seconds',
      'egov_registry_breaker_state',
      'egov_cache_requests_total',
      'egov_audit_batch_size',
      'egov_audit_flush_duration_seconds',
      'egov_audit_flush_failures_total',
      'egov_outbox_pending',
      'egov_outbox_oldest_pending_age_seconds',
      'egov_outbox_deliveries_total',
      'egov_deemed_issuance_moves_total',
      'egov_rate_limit_refusals_total',
      'egov_uploads_total',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ]) {
      expect(contract.has(name), name).toBe(true);
    }
  });

  it('follows Prometheus naming: egov_ prefix, counters end in _total, base units in the name', () => {
    for (const metric of egovMetrics) {
      expect(metric.name).toMatch(/^egov_[a-z][a-z0-9_]*[a-z0-9]$/);
      if (metric.type === 'counter') expect(metric.name, metric.name).toMatch(/_total$/);
      else expect(metric.name, metric.name).not.toMatch(/_total$/);
      if (metric.unit === 'seconds') expect(metric.name, metric.name).toMatch(/_seconds$/);
      if (metric.unit === 'bytes') expect(metric.name, metric.name).toMatch(/_bytes$/);
      // Units are base units: no milliseconds, no kilobytes.
      expect(metric.name).not.toMatch(/_(ms|milliseconds|kb|mb|minutes)(_|$)/);
    }
  });

  it('uses only labels with closed or bounded values, none that could carry personal data', () => {
    const allowed = new Set([
      'registry',
      'subgraph',
      'operation',
      'outcome',
      'result',
      'route',
      'method',
      'status',
      'version',
      'node_version',
      'job',
      'instance',
    ]);
    for (const metric of contract.values()) {
      for (const label of metric.labels) {
        expect(allowed.has(label), `${metric.name}{${label}}`).toBe(true);
        expect(label).not.toMatch(/iin|bin|name|user|token|number|id$|path|url|address|document/);
      }
    }
  });

  it('has no metric that neither the dashboard nor an alert uses', () => {
    const shown = used([...dashboardExprs.map((e) => e.expr), ...rules.map((r) => r.expr)]);
    for (const metric of egovMetrics) expect(shown.has(metric.name), `${metric.name} is exported but never looked at`).toBe(true);
  });
});

describe('the Grafana dashboard', () => {
  it('is exactly what grafana/dashboard.mjs generates (edit the script, then run it)', () => {
    expect(dashboard).toEqual(JSON.parse(JSON.stringify(buildDashboard())));
  });

  it('is a dashboard Grafana can import: uid, title, schema version, unique panel ids, panels inside the 24-column grid', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).toBe('egov-graph');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      expect(p.gridPos.h, p.title).toBeGreaterThan(0);
    }
  });

  it('reads every panel from the chosen Prometheus data source', () => {
    expect(dashboard.templating.list.find((v) => v.name === 'datasource')?.type).toBe('datasource');
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      const refIds = p.targets!.map((t) => t.refId);
      expect(new Set(refIds).size, p.title).toBe(refIds.length);
    }
  });

  it('has only queries that parse as PromQL and use metrics from METRICS.md', () => {
    for (const { panel, expr } of dashboardExprs) {
      for (const series of metricsIn(withoutGrafanaVariables(expr))) {
        expect(contract.has(contractName(series, contract)), `${panel}: ${series} is not in METRICS.md`).toBe(true);
      }
    }
  });

  it('shows what the issue asks for: per operation and subgraph, registries by outcome, breakers, cache hits and stale answers, audit flush, outbox, 5xx, CPU and memory', () => {
    const shown = used(dashboardExprs.map((e) => e.expr));
    for (const name of [
      'egov_graphql_requests_total',
      'egov_graphql_request_duration_seconds',
      'egov_graphql_subgraph_requests_total',
      'egov_graphql_subgraph_request_duration_seconds',
      'egov_registry_calls_total',
      'egov_registry_breaker_state',
      'egov_cache_requests_total',
      'egov_audit_flush_duration_seconds',
      'egov_outbox_pending',
      'egov_outbox_oldest_pending_age_seconds',
      'egov_http_requests_total',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ]) {
      expect(shown.has(name), name).toBe(true);
    }
    const exprs = dashboardExprs.map((e) => e.expr).join('\n');
    expect(exprs).toContain('result="hit"');
    expect(exprs).toContain('result="stale"');
    expect(exprs).toMatch(/status=~"5\.\."/);
  });

  it('never sums a value every replica reads from the same database', () => {
    for (const { panel, expr } of dashboardExprs) {
      if (/egov_outbox_(pending|oldest_pending_age_seconds)/.test(expr)) expect(expr, panel).not.toMatch(/\bsum\b/);
    }
  });
});

describe('the alert rules', () => {
  it('are alerts with a severity and a summary, named Egov…', () => {
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) {
      expect(rule.alert, rule.expr).toMatch(/^Egov[A-Z][A-Za-z0-9]+$/);
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
    }
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
  });

  it("parse as PromQL and use only metrics from METRICS.md (or Prometheus' own `up`)", () => {
    for (const rule of rules) {
      const series = metricsIn(rule.expr);
      expect(series.length, rule.alert).toBeGreaterThan(0);
      for (const name of series) expect(contract.has(contractName(name, contract)), `${rule.alert}: ${name}`).toBe(true);
    }
  });

  it('fire when a registry breaker stays open (or half-open) for over a minute', () => {
    const rule = alertNamed('EgovRegistryBreakerOpen');
    expect(metricsIn(rule.expr)).toEqual(['egov_registry_breaker_state']);
    expect(rule.expr).toMatch(/>=\s*1\b/);
    expect(rule.for).toBe('1m');
  });

  it('fire when the oldest undelivered application is over ten minutes old', () => {
    const rule = alertNamed('EgovOutboxDeliveryStuck');
    expect(metricsIn(rule.expr)).toEqual(['egov_outbox_oldest_pending_age_seconds']);
    expect(rule.expr).toMatch(/>\s*600\b/);
    expect(rule.expr).toMatch(/^max\(/);
  });

  it('fire when audit flushes keep failing, and at once when the chain fails verification', () => {
    expect(metricsIn(alertNamed('EgovAuditFlushFailing').expr)).toEqual(['egov_audit_flush_failures_total']);
    expect(alertNamed('EgovAuditFlushFailing').for).toBe('5m');
    const chain = alertNamed('EgovAuditChainVerificationFailed');
    expect(metricsIn(chain.expr)).toEqual(['egov_audit_verification_status']);
    expect(chain.for).toBeUndefined();
  });

  it('fire on a 5xx ratio over 5% on the API routes, not on /ready answering 503 while draining', () => {
    const rule = alertNamed('EgovHighServerErrorRatio');
    expect(new Set(metricsIn(rule.expr))).toEqual(new Set(['egov_http_requests_total']));
    expect(rule.expr).toMatch(/status=~"5\.\."/);
    expect(rule.expr).toContain('route=~"/graphql|/attachments"');
    expect(rule.expr).toMatch(/>\s*0\.05\b/);
  });
});

describe('Prometheus loads the rules', () => {
  it('in the local stack: prometheus.yml names the rule file docker-compose mounts', () => {
    const config = readYaml<{ rule_files: string[] }>(deployPath('prometheus', 'prometheus.yml'));
    const compose = readYaml<{ services: Record<string, { volumes?: string[] }> }>(deployPath('docker-compose.yml'));
    const mounts = compose.services.prometheus!.volumes ?? [];
    for (const file of config.rule_files) expect(mounts).toContain(`./prometheus/alerts.yml:${file}:ro`);
  });

  it('in Kubernetes: the scrape job finds the pods of both environments by their annotations, under a job name the target-down alert watches', () => {
    const scrape = readYaml<{
      scrape_configs: {
        job_name: string;
        kubernetes_sd_configs: { role: string; namespaces: { names: string[] } }[];
        relabel_configs: { source_labels?: string[]; action?: string; regex?: string }[];
      }[];
    }>(deployPath('prometheus', 'kubernetes-scrape.yml'));
    const [job] = scrape.scrape_configs;
    expect(job!.job_name).toMatch(/^egov/);
    expect(new RegExp(`^(?:${/job=~"([^"]+)"/.exec(alertNamed('EgovTargetDown').expr)![1]})$`).test(job!.job_name)).toBe(true);
    expect(job!.kubernetes_sd_configs[0]!.role).toBe('pod');
    expect(job!.kubernetes_sd_configs[0]!.namespaces.names.sort()).toEqual(['egov', 'egov-staging']);
    expect(job!.relabel_configs).toContainEqual(
      expect.objectContaining({ source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], action: 'keep', regex: 'true' }),
    );
  });

  it('in Kubernetes: the rules ConfigMap is generated from the same file', () => {
    const kustomization = readYaml<{ configMapGenerator: { name: string; files: string[] }[] }>(deployPath('prometheus', 'kustomization.yaml'));
    expect(kustomization.configMapGenerator).toEqual([expect.objectContaining({ name: 'egov-prometheus-rules', files: ['alerts.yml'] })]);
  });
});
