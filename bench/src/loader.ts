import { createInterface } from 'node:readline';
import type { Child, Supervisor } from './children.js';
import type { LoadResult, RunCommand } from './load-protocol.js';

type Pending = { resolve(result: LoadResult): void; reject(error: Error): void; timer: NodeJS.Timeout };

/** The orchestrator's handle on the load process (load.ts): one command at a time, JSON lines both ways. */
export class LoadProcess {
  private child: Child | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly supervisor: Supervisor,
    private readonly env: Record<string, string | undefined>,
  ) {}

  get pid(): number | undefined {
    return this.child?.alive() ? this.child.pid : undefined;
  }

  /** Starts it (again, if it died) and waits until it has built its fixture set. */
  async ensure(): Promise<void> {
    if (this.child?.alive() && this.ready) return this.ready;
    const child = this.supervisor.start({ name: 'load', entry: new URL('./load.ts', import.meta.url).pathname, env: this.env, pipes: true });
    this.child = child;
    this.ready = new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.process.stdout! });
      lines.on('line', (line) => {
        let message: { event?: string; id?: number; ok?: boolean; result?: LoadResult; error?: string };
        try {
          message = JSON.parse(line);
        } catch {
          return;
        }
        if (message.event === 'ready') return resolve();
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id!);
        clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve(message.result!);
        else waiting.reject(new Error(message.error ?? 'load process failed'));
      });
      void child.exited.then(({ code, signal }) => {
        const error = new Error(`load process exited (${signal ?? code}):\n${child.tail()}`);
        reject(error);
        for (const [id, waiting] of this.pending) {
          clearTimeout(waiting.timer);
          waiting.reject(error);
          this.pending.delete(id);
        }
      });
    });
    return this.ready;
  }

  async run(command: Omit<RunCommand, 'id' | 'cmd'>): Promise<LoadResult> {
    await this.ensure();
    const id = this.nextId++;
    const timeoutMs = ((command.durationS ?? 0) + 90) * 1000;
    return new Promise<LoadResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load process gave no answer within ${timeoutMs / 1000} s`));
        // A stuck load process is replaced for the next run.
        this.child?.process.kill('SIGKILL');
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child!.process.stdin!.write(`${JSON.stringify({ ...command, id, cmd: 'run' })}\n`);
    });
  }

  async close(): Promise<void> {
    if (!this.child?.alive()) return;
    this.child.process.stdin!.write(`${JSON.stringify({ id: 0, cmd: 'exit' })}\n`);
    const killed = setTimeout(() => this.child?.process.kill('SIGKILL'), 3000);
    await this.child.exited;
    clearTimeout(killed);
  }
}
