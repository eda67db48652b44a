import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '@egov/schema';

const WATCHDOG = pathToFileURL(fileURLToPath(new URL('./watchdog.ts', import.meta.url))).href;
/** The same, compiled by the bench's own build (`npm run build -w @egov/bench`), for children run without tsx. */
const WATCHDOG_COMPILED = fileURLToPath(new URL('../dist/watchdog.js', import.meta.url));

/**
 * Where `npm run build` puts the compiled module of a package's source file: `<package>/src/<path>.ts` →
 * `<package>/dist/<path>.js` (scripts/build-package.mjs compiles src/ into dist/ with the same layout).
 */
export function compiledEntry(entry: string): string {
  const match = /^(.*)\/src\/(.+)\.ts$/.exec(entry);
  if (!match) throw new Error(`${entry} is not a package's src/*.ts file: no compiled counterpart`);
  return `${match[1]}/dist/${match[2]}.js`;
}

/** The child's node arguments: the compiled module as production runs it, or the sources through tsx. */
export function nodeCommand(entry: string, compiled: boolean, nodeArgs: readonly string[] = []): string[] {
  if (!compiled) return [...nodeArgs, '--conditions=source', '--import', 'tsx', '--import', WATCHDOG, entry];
  const file = compiledEntry(entry);
  for (const module of [file, WATCHDOG_COMPILED]) {
    if (!existsSync(module)) throw new Error(`${module} is missing: run npm run build first`);
  }
  return [...nodeArgs, '--import', pathToFileURL(WATCHDOG_COMPILED).href, file];
}

export interface NodeChildSpec {
  name: string;
  /** Script to run, absolute or relative to the repository root: a package's `src/*.ts`. */
  entry: string;
  /**
   * Run its compiled `dist/*.js` with plain node, as production does, instead of the source through tsx. tsx's
   * module hooks run on a thread of their own with its own V8 heap and keep every transformed module: about
   * 45 MB more resident memory in a subgraph and 115 MB in the gateway, which the deployed processes do not carry.
   */
  compiled?: boolean;
  env: Record<string, string | undefined>;
  /** Extra node flags, e.g. --cpu-prof, or the production NODE_OPTIONS (deploy/bin/processes.mjs). */
  nodeArgs?: string[];
  /** Keep stdin/stdout as pipes (the load process speaks JSON lines over them). */
  pipes?: boolean;
}

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  logFile: string;
  startedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** The last lines of its log, for error messages. */
  tail(bytes?: number): string;
}

/**
 * Starts and stops every process of a session. Each child is `node --conditions=source --import tsx --import watchdog
 * <entry>`, or `node --import watchdog <compiled entry>` (`compiled`), with its output in <logDir>/<name>.log; all are stopped (SIGTERM, then SIGKILL) when the
 * session ends, on Ctrl-C, and — by the watchdog — even when this process is killed outright.
 */
export class Supervisor {
  readonly children = new Map<string, Child>();
  /** Set once the session is shutting down: nothing new is started after that. */
  closed = false;

  constructor(private readonly logDir: string) {}

  start(spec: NodeChildSpec): Child {
    if (this.closed) throw new Error(`not starting ${spec.name}: the session is stopping`);
    const previous = this.children.get(spec.name);
    if (previous?.alive()) throw new Error(`${spec.name} is already running`);
    const logFile = join(this.logDir, `${spec.name}.log`);
    const entry = spec.entry.startsWith('/') ? spec.entry : join(repoRoot, spec.entry);
    const args = nodeCommand(entry, spec.compiled ?? false, spec.nodeArgs);
    const fd = openSync(logFile, 'a');
    const env = Object.fromEntries(Object.entries(spec.env).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env,
      stdio: spec.pipes ? ['pipe', 'pipe', fd] : ['ignore', fd, fd],
    });
    closeSync(fd);
    let exitCode: number | null | undefined;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => {
        exitCode = code ?? -1;
        resolve({ code, signal });
      });
      child.once('error', () => {
        exitCode = -1;
        resolve({ code: -1, signal: null });
      });
    });
    if (child.pid === undefined) throw new Error(`${spec.name} could not be started`);
    const managed: Child = {
      name: spec.name,
      pid: child.pid,
      process: child,
      logFile,
      startedAt: performance.now(),
      exited,
      alive: () => exitCode === undefined,
      tail: (bytes = 1500) => {
        try {
          const size = statSync(logFile).size;
          const text = readFileSync(logFile, 'utf8');
          return (size > bytes ? '…' : '') + text.slice(-bytes).trim();
        } catch {
          return '';
        }
      },
    };
    this.children.set(spec.name, managed);
    return managed;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 5000): Promise<void> {
    const child = this.children.get(name);
    if (!child?.alive()) return;
    child.process.kill('SIGTERM');
    const killed = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(killed);
  }

  /** Gateways first, then what they depend on, so nothing logs a flood of connection errors on the way down. */
  async stopAll(graceMs = 5000): Promise<void> {
    this.closed = true;
    const order = [...this.children.keys()].reverse();
    for (const name of order) await this.stop(name, graceMs);
  }

  /** Last resort on process exit: synchronous SIGKILL to whatever is left. */
  killAllNow(): void {
    for (const child of this.children.values()) if (child.alive()) child.process.kill('SIGKILL');
  }
}

/**
 * Waits until `probe` succeeds, failing early (with the log's tail) when the child exits or the time is
 * up. The probe resolves true when the service is ready.
 */
export async function waitUntilReady(child: Child, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    if (!child.alive()) throw new Error(`${child.name} exited before it was ready:\n${child.tail()}`);
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${child.name} not ready after ${timeoutMs / 1000} s (${lastError}):\n${child.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A probe: the URL answers with the expected status (GET, or POST with a JSON body). */
export function httpOk(url: string, body?: unknown, headers: Record<string, string> = {}): () => Promise<boolean> {
  return async () => {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? headers : { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  };
}
