import type { K8sObject } from './kustomize.js';

/**
 * Kubernetes NetworkPolicy semantics, enough to ask "may A reach B on port P?" of a rendered namespace:
 * a pod selected by any policy of a direction is isolated in that direction, and then a connection is
 * allowed only if some selecting policy has a rule matching both the peer and the port (policies add up).
 * Both directions must allow a pod-to-pod connection. Named ports resolve against the destination's ports.
 */
type Labels = Record<string, string>;
interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PortRule {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PortRule[];
}
interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

/** A pod in the namespace under test, in another namespace, or an address outside the cluster. */
export type Endpoint = { kind: 'pod'; labels: Labels; namespace: string; namespaceLabels: Labels; ports?: Record<string, number> } | { kind: 'ip'; ip: string };

export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expression.key);
    const value = labels[expression.key];
    const ok = {
      In: has && (expression.values ?? []).includes(value!),
      NotIn: !has || !(expression.values ?? []).includes(value!),
      Exists: has,
      DoesNotExist: !has,
    }[expression.operator];
    if (!ok) return false;
  }
  return true;
}

function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (ipToInt(ip) & mask) >>> 0 === (ipToInt(base!) & mask) >>> 0;
}

function peerMatches(peer: Peer, other: Endpoint, policyNamespace: string): boolean {
  if (peer.ipBlock) {
    // ipBlock addresses are outside the cluster here (pod IPs are not modelled).
    return other.kind === 'ip' && inCidr(other.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(other.ip, c));
  }
  if (other.kind !== 'pod') return false;
  if (peer.namespaceSelector) {
    if (!selects(peer.namespaceSelector, other.namespaceLabels)) return false;
    return selects(peer.podSelector, other.labels);
  }
  // A podSelector alone means pods of the policy's own namespace.
  return other.namespace === policyNamespace && selects(peer.podSelector, other.labels);
}

function portMatches(rules: PortRule[] | undefined, port: number, protocol: string, destinationPorts: Record<string, number>): boolean {
  if (!rules || rules.length === 0) return true;
  return rules.some((rule) => {
    if ((rule.protocol ?? 'TCP') !== protocol) return false;
    if (rule.port === undefined) return true;
    const start = typeof rule.port === 'number' ? rule.port : destinationPorts[rule.port];
    if (start === undefined) return false;
    return rule.endPort === undefined ? port === start : port >= start && port <= rule.endPort;
  });
}

export class NetworkPolicies {
  private readonly policies: { namespace: string; spec: PolicySpec }[];

  constructor(
    objects: K8sObject[],
    private readonly namespace: string,
  ) {
    this.policies = objects
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => ({ namespace: o.metadata.namespace ?? namespace, spec: o.spec as PolicySpec }));
  }

  private applying(direction: 'Ingress' | 'Egress', pod: Extract<Endpoint, { kind: 'pod' }>) {
    return this.policies.filter(({ namespace, spec }) => {
      if (namespace !== pod.namespace || !selects(spec.podSelector, pod.labels)) return false;
      const types = spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
      return types.includes(direction);
    });
  }

  /** Whether `from` may open a connection to `to` on `port`. Only pods of the namespace under test carry policies. */
  allows(from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
    const destinationPorts = to.kind === 'pod' ? (to.ports ?? {}) : {};
    if (from.kind === 'pod' && from.namespace === this.namespace) {
      const egress = this.applying('Egress', from);
      const allowed =
        egress.length === 0 ||
        egress.some(({ namespace, spec }) =>
          (spec.egress ?? []).some(
            (rule) => (!rule.to || rule.to.some((peer) => peerMatches(peer, to, namespace))) && portMatches(rule.ports, port, protocol, destinationPorts),
          ),
        );
      if (!allowed) return false;
    }
    if (to.kind === 'pod' && to.namespace === this.namespace) {
      const ingress = this.applying('Ingress', to);
      const allowed =
        ingress.length === 0 ||
        ingress.some(({ namespace, spec }) =>
          (spec.ingress ?? []).some(
            (rule) => (!rule.from || rule.from.some((peer) => peerMatches(peer, from, namespace))) && portMatches(rule.ports, port, protocol, destinationPorts),
          ),
        );
      if (!allowed) return false;
    }
    return true;
  }
}
