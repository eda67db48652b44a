#!/usr/bin/env node
/**
 * The Grafana dashboard, as code: `node deploy/grafana/dashboard.mjs` rewrites egov-graph.json.
 *
 * Panels are listed here once, by row; layout, ids and the data-source wiring are derived. Edit the list,
 * run the script, commit both files (a test checks the JSON is what this script makes). Every query uses
 * only the metrics in deploy/METRICS.md; the same test checks that too.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DS = { type: 'prometheus', uid: '${datasource}' };
const RATE = '$__rate_interval';
/** Filters by the dashboard's `service` variable; every egov metric carries `service`. */
const SVC = 'service=~"$service"';

const q = (expr, legendFormat) => ({ expr, legendFormat });
const quantiles = (metric, by, filter = SVC) =>
  [0.5, 0.95, 0.99].map((p) =>
    q(`histogram_quantile(${p}, sum by (le, ${by}) (rate(${metric}_bucket{${filter}}[${RATE}])))`, `{{${by}}} p${Math.round(p * 100)}`),
  );

/** Rows of panels: [title, panels]. A panel: { title, description, unit, targets, type?, width?, ... }. */
const ROWS = [
  [
    'Requests',
    [
      {
        title: 'Operations per second (gateway), by operation',
        description: 'GraphQL operations the gateway executed, by operation name (bounded: see METRICS.md).',
        unit: 'reqps',
        targets: [q(`sum by (operation) (rate(egov_graphql_requests_total{service="gateway"}[${RATE}]))`, '{{operation}}')],
      },
      {
        title: 'Operation latency (gateway), p50 / p95 / p99',
        description: 'Time from request received to response sent at the gateway, per operation.',
        unit: 's',
        targets: quantiles('egov_graphql_request_duration_seconds', 'operation', 'service="gateway"'),
      },
      {
        title: 'Gateway → subgraph fetches per second, by subgraph and outcome',
        description: 'ok: answered without errors; error: answered with errors; failed: no usable answer.',
        unit: 'reqps',
        targets: [q(`sum by (subgraph, outcome) (rate(egov_graphql_subgraph_requests_total[${RATE}]))`, '{{subgraph}} {{outcome}}')],
      },
      {
        title: 'Gateway → subgraph latency, p95 by subgraph',
        unit: 's',
        targets: [q(`histogram_quantile(0.95, sum by (le, subgraph) (rate(egov_graphql_subgraph_request_duration_seconds_bucket[${RATE}])))`, '{{subgraph}}')],
      },
      {
        title: 'Operations per second at each subgraph (gateway and partners)',
        description: 'What each subgraph executed, including partner agencies that call it directly.',
        unit: 'reqps',
        targets: [q(`sum by (service, outcome) (rate(egov_graphql_requests_total{service!="gateway", ${SVC}}[${RATE}]))`, '{{service}} {{outcome}}')],
      },
      {
        title: 'Subgraph latency, p95 by subgraph',
        unit: 's',
        targets: [
          q(
            `histogram_quantile(0.95, sum by (le, service) (rate(egov_graphql_request_duration_seconds_bucket{service!="gateway", ${SVC}}[${RATE}])))`,
            '{{service}}',
          ),
        ],
      },
      {
        title: '5xx ratio on /graphql and /attachments',
        description: 'Share of API requests answered with a server error; the alert fires above 5% for 5 minutes.',
        unit: 'percentunit',
        thresholds: [0.05],
        targets: [
          q(
            `sum by (service) (rate(egov_http_requests_total{route=~"/graphql|/attachments", status=~"5..", ${SVC}}[${RATE}])) / sum by (service) (rate(egov_http_requests_total{route=~"/graphql|/attachments", ${SVC}}[${RATE}]))`,
            '{{service}}',
          ),
        ],
      },
      {
        title: 'Rate-limit refusals per second',
        unit: 'reqps',
        targets: [q(`sum by (route) (rate(egov_rate_limit_refusals_total[${RATE}]))`, '{{route}}')],
      },
    ],
  ],
  [
    'Registries',
    [
      {
        title: 'Registry calls per second, by registry and outcome',
        description: 'Every HTTP attempt (retries count) and every call refused locally (breaker_open, queue_full).',
        unit: 'reqps',
        targets: [q(`sum by (registry, outcome) (rate(egov_registry_calls_total{${SVC}}[${RATE}]))`, '{{registry}} {{outcome}}')],
      },
      {
        title: 'Registry call latency, p95 by registry',
        unit: 's',
        targets: [q(`histogram_quantile(0.95, sum by (le, registry) (rate(egov_registry_call_duration_seconds_bucket{${SVC}}[${RATE}])))`, '{{registry}}')],
      },
      {
        title: 'Circuit breakers',
        description: 'Per process and registry: closed, half-open (probing) or open. The alert fires when not closed for 1 minute.',
        type: 'state-timeline',
        targets: [q(`max by (service, registry) (egov_registry_breaker_state{${SVC}})`, '{{service}} → {{registry}}')],
        mappings: [
          {
            type: 'value',
            options: {
              0: { text: 'closed', color: 'green', index: 0 },
              1: { text: 'half-open', color: 'yellow', index: 1 },
              2: { text: 'open', color: 'red', index: 2 },
            },
          },
        ],
      },
      {
        title: 'Registry cache hit ratio',
        description: 'Fresh answers from the cache over all lookups, by registry.',
        unit: 'percentunit',
        targets: [
          q(
            `sum by (registry) (rate(egov_cache_requests_total{result="hit", ${SVC}}[${RATE}])) / sum by (registry) (rate(egov_cache_requests_total{${SVC}}[${RATE}]))`,
            '{{registry}}',
          ),
        ],
      },
      {
        title: 'Stale answers per second',
        description: 'Expired cached answers served because the registry failed (stale-if-error, where configured).',
        unit: 'reqps',
        targets: [q(`sum by (registry) (rate(egov_cache_requests_total{result="stale", ${SVC}}[${RATE}]))`, '{{registry}}')],
      },
    ],
  ],
  [
    'Audit trail',
    [
      {
        title: 'Audit flush latency, p50 / p95 / p99',
        unit: 's',
        targets: quantiles('egov_audit_flush_duration_seconds', 'service'),
      },
      {
        title: 'Audit flush failures per second, and records waiting',
        description: 'Failed flushes keep their records queued; records waiting should stay near zero.',
        unit: 'short',
        targets: [
          q(`sum by (service) (rate(egov_audit_flush_failures_total{${SVC}}[${RATE}]))`, '{{service}} failures/s'),
          q(`sum by (service) (egov_audit_pending_records{${SVC}})`, '{{service}} waiting'),
        ],
      },
      {
        title: 'Audit batch size, p50 / p95',
        unit: 'short',
        targets: [0.5, 0.95].map((p) =>
          q(`histogram_quantile(${p}, sum by (le, service) (rate(egov_audit_batch_size_bucket{${SVC}}[${RATE}])))`, `{{service}} p${Math.round(p * 100)}`),
        ),
      },
      {
        title: 'Audit chain verification',
        description: 'Last scheduled check of the chain against the newest signed checkpoint (1 passed, 0 failed).',
        type: 'stat',
        targets: [q(`min by (service) (egov_audit_verification_status{${SVC}})`, '{{service}}')],
        mappings: [{ type: 'value', options: { 0: { text: 'FAILED', color: 'red', index: 0 }, 1: { text: 'verified', color: 'green', index: 1 } } }],
      },
    ],
  ],
  [
    'Applications',
    [
      {
        title: 'Outbox: applications waiting for delivery',
        description: 'Read from the database, so the same on every replica: max, not sum.',
        unit: 'short',
        targets: [q('max(egov_outbox_pending)', 'pending')],
      },
      {
        title: 'Outbox: oldest pending',
        description: 'The alert fires above 10 minutes.',
        unit: 's',
        thresholds: [600],
        targets: [q('max(egov_outbox_oldest_pending_age_seconds)', 'oldest pending')],
      },
      {
        title: 'Outbox deliveries per second, by outcome',
        unit: 'ops',
        targets: [q(`sum by (outcome) (rate(egov_outbox_deliveries_total[${RATE}]))`, '{{outcome}}')],
      },
      {
        title: 'Deemed issuance moves',
        description: 'Applications moved to deemed issued (silence is consent), per interval.',
        unit: 'short',
        targets: [q('sum(increase(egov_deemed_issuance_moves_total[$__interval]))', 'moved')],
      },
      {
        title: 'Degraded mode: registry re-reads, by outcome',
        description: 'Applications submitted while a registry was down are read again once it is back; postponed while it is still down.',
        unit: 'short',
        targets: [q('sum by (outcome) (increase(egov_registry_rechecks_total[$__interval]))', '{{outcome}}')],
      },
      {
        title: 'Uploads per second, by outcome',
        unit: 'ops',
        targets: [q(`sum by (outcome) (rate(egov_uploads_total[${RATE}]))`, '{{outcome}}')],
      },
    ],
  ],
  [
    'Processes',
    [
      {
        title: 'CPU, by process',
        unit: 'percentunit',
        targets: [q(`sum by (service, instance) (rate(process_cpu_seconds_total{${SVC}}[${RATE}]))`, '{{service}} {{instance}}')],
      },
      {
        title: 'Resident memory, by process',
        unit: 'bytes',
        targets: [q(`max by (service, instance) (process_resident_memory_bytes{${SVC}})`, '{{service}} {{instance}}')],
      },
      {
        title: 'Event-loop lag p99, by process',
        unit: 's',
        targets: [q(`max by (service, instance) (nodejs_eventloop_lag_p99_seconds{${SVC}})`, '{{service}} {{instance}}')],
      },
      {
        title: 'Running versions',
        type: 'table',
        targets: [{ ...q(`count by (service, version, node_version) (egov_build_info{${SVC}})`, ''), format: 'table', instant: true }],
      },
    ],
  ],
];

function panel(spec, id, gridPos) {
  const type = spec.type ?? 'timeseries';
  const thresholds = {
    mode: 'absolute',
    steps: [{ color: 'green', value: null }, ...(spec.thresholds ?? []).map((value) => ({ color: 'red', value }))],
  };
  return {
    id,
    type,
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    datasource: DS,
    gridPos,
    fieldConfig: {
      defaults: {
        ...(spec.unit ? { unit: spec.unit } : {}),
        ...(spec.mappings ? { mappings: spec.mappings } : {}),
        thresholds,
        ...(type === 'timeseries' && spec.thresholds ? { custom: { thresholdsStyle: { mode: 'line' } } } : {}),
      },
      overrides: [],
    },
    options: type === 'timeseries' ? { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi', sort: 'desc' } } : {},
    targets: spec.targets.map((target, index) => ({ refId: String.fromCharCode(65 + index), datasource: DS, ...target })),
  };
}

export function buildDashboard() {
  const panels = [];
  let id = 1;
  let y = 0;
  for (const [title, specs] of ROWS) {
    panels.push({ id: id++, type: 'row', title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    // Two panels per line, 8 units high.
    specs.forEach((spec, index) => {
      panels.push(panel(spec, id++, { h: 8, w: 12, x: (index % 2) * 12, y: y + Math.floor(index / 2) * 8 }));
    });
    y += Math.ceil(specs.length / 2) * 8;
  }
  return {
    uid: 'egov-graph',
    title: 'egov-graph',
    description: 'Gateway, subgraphs, registries, audit trail and applications of egov-graph. Metrics: deploy/METRICS.md.',
    tags: ['egov-graph'],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    refresh: '30s',
    schemaVersion: 41,
    version: 1,
    time: { from: 'now-3h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        {
          name: 'service',
          label: 'Process',
          type: 'query',
          datasource: DS,
          query: { query: 'label_values(egov_build_info, service)', refId: 'service' },
          definition: 'label_values(egov_build_info, service)',
          includeAll: true,
          allValue: '.*',
          multi: true,
          current: { text: ['All'], value: ['$__all'] },
          refresh: 2,
          sort: 1,
          hide: 0,
        },
      ],
    },
    annotations: { list: [] },
    panels,
  };
}

export const DASHBOARD_FILE = fileURLToPath(new URL('./egov-graph.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DASHBOARD_FILE, `${JSON.stringify(buildDashboard(), null, 2)}\n`);
  console.log(`wrote ${DASHBOARD_FILE}`);
}
