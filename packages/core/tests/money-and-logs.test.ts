import { createLogger, formatKzt, maskPersonalIds, parseKzt } from '@egov/core';
import { describe, expect, it } from 'vitest';

describe('money', () => {
  it('reads tenge as whole tiyn and writes it back with two decimals', () => {
    expect(parseKzt('4325')).toBe(432_500);
    expect(parseKzt('4325.5')).toBe(432_550);
    expect(parseKzt('0.07')).toBe(7);
    expect(formatKzt(432_550)).toBe('4325.50');
    expect(formatKzt(7)).toBe('0.07');
  });

  it('refuses amounts that are not plain decimals', () => {
    for (const bad of ['-1', '1.234', '1e3', '', '12,50', ' 12']) expect(parseKzt(bad)).toBeNull();
    expect(() => formatKzt(1.5)).toThrow(RangeError);
  });
});

describe('personal ids in logs', () => {
  it('keeps the first four and last two digits of any 12-digit run', () => {
    expect(maskPersonalIds('iin=850314301234 bin 080440001234.')).toBe('iin=8503******34 bin 0804******34.');
  });

  it('masks a longer run as a whole, so an id inside it (one digit too many, two run together) never shows', () => {
    expect(maskPersonalIds('iin 8503143012345')).toBe('iin 8503*******45');
    expect(maskPersonalIds('850314301234621102407892')).toBe('8503******************92');
    for (const run of ['08503143012341', `${'1'.repeat(14)}850314301234${'2'.repeat(14)}`]) {
      expect(maskPersonalIds(run)).not.toMatch(/\d{12}/);
    }
  });

  it('leaves shorter digit runs alone', () => {
    expect(maskPersonalIds('tx 12345678901 and 12345')).toBe('tx 12345678901 and 12345');
  });

  it('masks ids wherever they appear in a log record, including nested fields and error messages', () => {
    const lines: string[] = [];
    const log = createLogger('test', { write: (line) => lines.push(line) });
    log.error('lookup failed', { request: { iins: ['850314301234'] }, error: new Error('no person 621102407892') });
    expect(lines.join('\n')).not.toMatch(/850314301234|621102407892/);
    expect(lines[0]).toContain('8503******34');
  });
});
