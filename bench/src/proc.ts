import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of a process, read from /proc (Linux). CPU is utime + stime from
 * /proc/<pid>/stat (clock ticks, CLK_TCK per second); memory is VmRSS from /proc/<pid>/status.
 */

let clockTicks: number | undefined;

export function clkTck(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime in clock ticks from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parseStatTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unexpected /proc stat line: ${stat.slice(0, 80)}`);
  return utime + stime;
}

/** A `Vm...: 123 kB` line of /proc/<pid>/status, in bytes; null when absent. */
export function parseStatusKb(status: string, field: 'VmRSS' | 'VmHWM'): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** CPU milliseconds the process has used so far; null when it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    return (parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / clkTck();
  } catch {
    return null;
  }
}

/** Resident memory of the process in bytes; null when it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    return parseStatusKb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  } catch {
    return null;
  }
}

/** Polls RSS of some processes while a run lasts, keeping the largest value seen per pid. */
export class RssPoller {
  private readonly peaks = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: readonly number[],
    private readonly everyMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  stop(): Map<number, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }

  private sample(): void {
    for (const pid of this.pids) {
      const rss = rssBytes(pid);
      if (rss !== null && rss > (this.peaks.get(pid) ?? 0)) this.peaks.set(pid, rss);
    }
  }
}

/** Busy and total CPU time of the whole machine (all cores) from the first line of /proc/stat, in ms. */
export function parseHostCpu(stat: string): { busyMs: number; totalMs: number } {
  const line = stat.split('\n', 1)[0]!;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busyMs: ((total - idle) * 1000) / clkTck(), totalMs: (total * 1000) / clkTck() };
}

export function hostCpu(): { busyMs: number; totalMs: number } | null {
  try {
    return parseHostCpu(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** The 1-minute load average, for the report's "was the machine quiet" line. */
export function loadAverage(): number | null {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/** Processes whose command name (/proc/<pid>/comm) is `name`, e.g. the local redis-server; empty where /proc is missing. */
export function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}
