import { describe, expect, it } from 'vitest';
import { parseHostCpu, parseStatTicks, parseStatusKb } from '../src/proc.js';

describe('/proc parsing', () => {
  it('adds utime and stime, even when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (a b)) S 1 4242 4242 0 -1 4194560 1234 0 0 0 150 25 0 0 20 0 11 0 1000 1000000 5000 18446744073709551615';
    expect(parseStatTicks(stat)).toBe(175);
  });

  it('reads VmRSS and VmHWM in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseStatusKb(status, 'VmRSS')).toBe(102400 * 1024);
    expect(parseStatusKb(status, 'VmHWM')).toBe(204800 * 1024);
    expect(parseStatusKb('Name:\tnode\n', 'VmRSS')).toBeNull();
  });

  it('splits machine CPU time into busy and total (idle and iowait are not busy)', () => {
    const { busyMs, totalMs } = parseHostCpu('cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3\n');
    expect(totalMs / busyMs).toBeCloseTo(1000 / 150);
  });
});
