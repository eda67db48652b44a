import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { deployPath } from './paths.js';

export interface MetricContract {
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
  labels: string[];
  unit: string;
}

/** The metrics listed in deploy/METRICS.md: one table row each, name in backticks in the first cell. */
export function metricsContract(): Map<string, MetricContract> {
  const metrics = new Map<string, MetricContract>();
  for (const line of readFileSync(deployPath('METRICS.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // ['', '`name`', 'type', 'labels', 'unit' | 'meaning', ...]
    const name = /^`([a-zA-Z_:][a-zA-Z0-9_:]*)`$/.exec(cells[1] ?? '')?.[1];
    const type = cells[2];
    if (!name || (type !== 'counter' && type !== 'gauge' && type !== 'histogram')) continue;
    if (metrics.has(name)) throw new Error(`METRICS.md lists ${name} twice`);
    const labels = [...(cells[3] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    metrics.set(name, { name, type, labels, unit: cells[4] ?? '' });
  }
  return metrics;
}

/** Grafana's variables replaced by values PromQL accepts, so a dashboard query can be parsed. */
export function withoutGrafanaVariables(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '5m')
    .replaceAll('$__interval', '1m')
    .replaceAll('$__range', '1h')
    .replace(/\$\{?[a-z_]+\}?/g, '.*');
}

/**
 * Parses a PromQL expression with Prometheus' own grammar (@prometheus-io/lezer-promql) and returns the metric
 * names it selects; a syntax error throws with the offending text.
 */
export function metricsIn(expr: string): string[] {
  const tree = parser.parse(expr);
  const names: string[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError)
      throw new Error(`PromQL syntax error at ${cursor.from} in: ${expr}\n  near: ${expr.slice(Math.max(0, cursor.from - 20), cursor.from + 20)}`);
    if (cursor.type.name === 'Identifier' && cursor.node.parent?.type.name === 'VectorSelector') names.push(expr.slice(cursor.from, cursor.to));
  } while (cursor.next());
  return names;
}

/** A histogram's series (`_bucket`, `_sum`, `_count`) belong to the histogram's name. */
export function contractName(series: string, contract: Map<string, MetricContract>): string {
  if (contract.has(series)) return series;
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return contract.get(base)?.type === 'histogram' ? base : series;
}
