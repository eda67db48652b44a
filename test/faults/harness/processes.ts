import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '@egov/schema';

/** One line a process wrote, with its JSON fields when it was a JSON log line. */
export interface LogLine {
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
  json?: Record<string, unknown>;
  /** Which start of the process wrote it (0 for the first, 1 after the first restart...). */
  incarnation: number;
}

export interface Exit {
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the harness sent the signal that ended it (SIGKILL, SIGTERM); false for a crash or a self-exit. */
  requested: boolean;
  incarnation: number;
}

/** Everything that would leak into a child from the test runner (VITEST, NODE_ENV=test...) is left out. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}

const running = new Set<ChildProcess>();
// A test runner that dies must not leave processes bound to ports behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A process the harness started: its output captured line by line, its exits recorded (and whether the
 * harness asked for them), restartable on the same port with the same environment.
 */
export class ManagedProcess {
  readonly lines: LogLine[] = [];
  readonly exits: Exit[] = [];
  private child: ChildProcess | null = null;
  private incarnation = -1;
  private requested = false;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    readonly env: Record<string, string>,
    private readonly options: { cwd?: string; echo?: boolean } = {},
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return this.child !== null && this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Exits the harness did not ask for: crashes, or the process exiting on its own. */
  get unexpectedExits(): Exit[] {
    return this.exits.filter((e) => !e.requested);
  }

  /** JSON log lines, optionally only those with this `msg`. */
  logs(msg?: string): Record<string, unknown>[] {
    return this.lines.flatMap((l) => (l.json && (msg === undefined || l.json.msg === msg) ? [l.json] : []));
  }

  /** The last lines, for a failure message. */
  tail(n = 30): string {
    return this.lines
      .slice(-n)
      .map((l) => `${this.name}[${l.incarnation}] ${l.text}`)
      .join('\n');
  }

  start(): void {
    if (this.alive) throw new Error(`${this.name} is already running`);
    this.incarnation += 1;
    this.requested = false;
    const incarnation = this.incarnation;
    const child = spawn(this.command, this.args, { cwd: this.options.cwd ?? repoRoot, env: { ...baseEnv(), ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      child[stream]!.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) this.record(stream, text, incarnation);
      });
      child[stream]!.on('end', () => {
        if (partial) this.record(stream, partial, incarnation);
        partial = '';
      });
    }
    // A missing binary (redis-server, setpriv, postgres) is a failed start with a reason, not a crashed test run.
    child.on('error', (error) => this.record('stderr', `could not start ${this.command}: ${error.message}`, incarnation));
    child.on('exit', (code, signal) => {
      running.delete(child);
      this.exits.push({ at: Date.now(), code, signal, requested: this.requested, incarnation });
    });
  }

  private record(stream: 'stdout' | 'stderr', text: string, incarnation: number): void {
    let json: Record<string, unknown> | undefined;
    if (text.startsWith('{')) {
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
    }
    this.lines.push({ at: Date.now(), stream, text, json, incarnation });
    if (this.options.echo || process.env.FAULT_ECHO) process.stderr.write(`${this.name}[${incarnation}] ${text}\n`);
  }

  /** Sends a signal the harness means (the exit it causes is not a crash). */
  signal(signal: NodeJS.Signals): void {
    if (!this.child || !this.alive) throw new Error(`${this.name} is not running`);
    if (signal !== 'SIGSTOP' && signal !== 'SIGCONT') this.requested = true;
    this.child.kill(signal);
  }

  /** Resolves with the exit once the current process has exited, or null after `timeoutMs`. */
  waitExit(timeoutMs: number): Promise<Exit | null> {
    const child = this.child;
    if (!child) return Promise.resolve(null);
    if (!this.alive) return Promise.resolve(this.exits.at(-1) ?? null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        // the 'exit' listener registered in start() ran first and recorded it
        setImmediate(() => resolve(this.exits.at(-1) ?? null));
      });
    });
  }

  /** Stops the process: `signal` first, SIGKILL if it is still there after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<Exit | null> {
    if (!this.alive) return this.exits.at(-1) ?? null;
    this.signal(signal);
    const exit = await this.waitExit(graceMs);
    if (exit) return exit;
    this.signal('SIGKILL');
    return this.waitExit(5_000);
  }
}

/** Polls `url` until it answers 2xx; fails early if `process` exits meanwhile. */
export async function waitHealthy(url: string, process: ManagedProcess | null, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process && !process.alive) throw new Error(`${process.name} exited while starting:\n${process.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy in ${timeoutMs} ms${process ? `:\n${process.tail()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
