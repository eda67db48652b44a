import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryName } from '@egov/contracts';
import { createRegistryState, type FixtureOptions, type RegistryState, testMaterialEnv } from '@egov/mocks';
import { MockRegistryServers } from '@egov/mocks/http';
import { registries as registryPlaces } from '@egov/schema';
import { freePort } from '@egov/testkit';
import { PARTS, type PartName, SUBMISSIONS } from './parts.js';
import { type PostgresServer, startPostgres } from './postgres.js';
import { type Exit, ManagedProcess, waitHealthy } from './processes.js';
import { type RedisServer, startRedis } from './redis.js';
import { RoundRobinService } from './service.js';

export interface FaultGraphOptions {
  /** Which parts to start (each its own process). Default: all of them. */
  parts?: readonly PartName[];
  /** Start a Redis of our own and give every part REDIS_URL (the production setting). Default true. */
  redis?: boolean;
  /** Extra environment for every part. */
  env?: Record<string, string>;
  /** Extra environment per part. */
  partEnv?: Partial<Record<PartName, Record<string, string>>>;
  /**
   * Replicas per part (default 1). A part with more than one gets a round-robin service in front (a
   * Kubernetes Service, reduced): the gateway reaches a replicated subgraph through it, and `gatewayUrl` is
   * the gateways' service when the gateway is replicated. Each replica is its own process on its own port.
   */
  replicas?: Partial<Record<PartName, number>>;
  fixtures?: FixtureOptions;
}

/** One part of the graph (one replica of it) as an OS process, on a port it keeps across restarts. */
export class Part {
  constructor(
    readonly name: PartName,
    readonly port: number,
    readonly process: ManagedProcess,
    /** 0 for the first (or only) replica. */
    readonly replica = 0,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `${this.origin}/graphql`;
  }

  get alive(): boolean {
    return this.process.alive;
  }

  /** Starts (or starts again, same port and environment) and waits for /health. */
  async start(): Promise<void> {
    this.process.start();
    await waitHealthy(`${this.origin}/health`, this.process);
  }

  /** SIGKILL: no chance to finish anything. */
  async kill(): Promise<Exit | null> {
    return this.process.stop('SIGKILL', 5_000);
  }

  /** SIGTERM, and how the process ended (null if it is still running after `waitMs`). */
  async terminate(waitMs = 30_000): Promise<Exit | null> {
    this.process.signal('SIGTERM');
    return this.process.waitExit(waitMs);
  }

  async restart(): Promise<void> {
    if (this.process.alive) await this.process.stop('SIGTERM');
    await this.start();
  }
}

export interface FaultGraph {
  pg: PostgresServer;
  redis: RedisServer | null;
  registries: MockRegistryServers;
  state: RegistryState;
  /** The first (or only) replica of each part started. */
  parts: Partial<Record<PartName, Part>>;
  part(name: PartName): Part;
  /** Every replica of a part. */
  replicasOf(name: PartName): Part[];
  /** Where a part is reached: its service when replicated, else the process itself. */
  originOf(name: PartName): string;
  /** The gateway's /graphql, and its origin (for /attachments). */
  gatewayUrl: string;
  gatewayBase: string;
  /** Where the submissions part keeps scans. */
  attachmentsDir: string;
  /** Every exit nobody asked for, across parts and replicas (since `since`, a Date.now() value): a crash. */
  crashes(since?: number): { part: PartName; replica: number; exit: Exit; tail: string }[];
  close(): Promise<void>;
}

const REGISTRY_NAMES: readonly RegistryName[] = ['individuals', 'legal-entities', 'payments', 'licensing', 'consents'];

/**
 * The graph as production runs it, each part its own process, over a PostgreSQL and a Redis of the
 * test's own and the mock registries (in the test process, on free ports).
 */
export async function startFaultGraph(options: FaultGraphOptions = {}): Promise<FaultGraph> {
  const wanted = options.parts ?? (Object.keys(PARTS) as PartName[]);
  const [pg, redis] = await Promise.all([startPostgres(), options.redis === false ? null : startRedis()]);
  const state = createRegistryState(options.fixtures ?? { persons: 400 });
  const registries = await new MockRegistryServers({ state }).startAll();
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'egov-faults-scans-'));
  // Production anchors the audit trail: a checkpoint directory and a signing key of this run's own.
  const anchorDir = mkdtempSync(join(tmpdir(), 'egov-faults-anchor-'));
  const anchorKeyFile = join(anchorDir, 'signing-key.pem');
  writeFileSync(anchorKeyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

  // `ports[name]` is where the part is reached (its service when replicated); replicas get ports of their own.
  const ports = Object.fromEntries(await Promise.all((Object.keys(PARTS) as PartName[]).map(async (name) => [name, await freePort()] as const))) as Record<
    PartName,
    number
  >;
  const count = (name: PartName) => Math.max(1, options.replicas?.[name] ?? 1);
  const replicaPorts = Object.fromEntries(
    await Promise.all(
      wanted.map(async (name) => [name, count(name) === 1 ? [ports[name]] : await Promise.all(Array.from({ length: count(name) }, () => freePort()))] as const),
    ),
  ) as Record<PartName, number[]>;
  const common: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    DATABASE_URL: pg.url,
    ...testMaterialEnv(),
    AUDIT_ANCHOR_DIR: join(anchorDir, 'checkpoints'),
    AUDIT_ANCHOR_KEY_FILE: anchorKeyFile,
    ...Object.fromEntries(REGISTRY_NAMES.map((name) => [registryPlaces[name].urlEnv, registries.url(name)])),
    // Every subgraph of the table, started or not: one that is not started is a dead port (SUBGRAPH_UNAVAILABLE).
    ...Object.fromEntries(Object.values(PARTS).flatMap((p) => (p.kind === 'subgraph' ? [[p.urlEnv, `http://127.0.0.1:${ports[p.name]}/graphql`]] : []))),
    [SUBMISSIONS.attachmentsDirEnv]: attachmentsDir,
    ...(redis
      ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `egov-faults:${randomBytes(4).toString('hex')}:`, CACHE_KEY_SECRET: randomBytes(24).toString('hex') }
      : {}),
    ...options.env,
  };

  const replicas: Partial<Record<PartName, Part[]>> = {};
  const services: RoundRobinService[] = [];
  for (const name of wanted) {
    replicas[name] = replicaPorts[name].map((port, i) => {
      const env = { ...common, PORT: String(port), ...options.partEnv?.[name] };
      return new Part(name, port, new ManagedProcess(count(name) > 1 ? `${name}#${i + 1}` : name, process.execPath, [...PARTS[name].args], env), i);
    });
    if (count(name) > 1) {
      const service = new RoundRobinService(() => replicaPorts[name]);
      await service.listen(ports[name]);
      services.push(service);
    }
  }
  const parts = Object.fromEntries(wanted.map((name) => [name, replicas[name]![0]!])) as Partial<Record<PartName, Part>>;
  const all = () => Object.values(replicas).flat() as Part[];

  const graph: FaultGraph = {
    pg,
    redis,
    registries,
    state,
    parts,
    part(name) {
      const part = parts[name];
      if (!part) throw new Error(`${name} was not started in this graph`);
      return part;
    },
    replicasOf(name) {
      const list = replicas[name];
      if (!list) throw new Error(`${name} was not started in this graph`);
      return list;
    },
    originOf: (name) => `http://127.0.0.1:${ports[name]}`,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    gatewayBase: `http://127.0.0.1:${ports.gateway}`,
    attachmentsDir,
    crashes: (since = 0) =>
      all().flatMap((part) =>
        part.process.unexpectedExits
          .filter((exit) => exit.at >= since)
          .map((exit) => ({
            part: part.name,
            replica: part.replica,
            exit,
            tail: part.process.lines
              .filter((l) => l.incarnation === exit.incarnation)
              .slice(-12)
              .map((l) => l.text)
              .join('\n'),
          })),
      ),
    async close() {
      await Promise.all(all().map((part) => part.process.stop('SIGTERM', 10_000)));
      await Promise.all(services.map((service) => service.close()));
      await registries.close();
      await Promise.all([pg.close(), redis?.close()]);
      rmSync(attachmentsDir, { recursive: true, force: true });
      rmSync(anchorDir, { recursive: true, force: true });
    },
  };

  try {
    // All at once: the first subgraph to start applies the migrations (the others wait on its lock), and the
    // gateway serves a static supergraph, so it needs no subgraph to boot.
    await Promise.all(all().map((part) => part.start()));
  } catch (error) {
    await graph.close();
    throw error;
  }
  return graph;
}
