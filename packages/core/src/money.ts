/**
 * Money travels as integer tiyn (1/100 KZT) inside the graph and as a two-decimal string at the edges,
 * so no amount ever passes through a float.
 */
export function parseKzt(text: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatKzt(tiyn: number): string {
  if (!Number.isSafeInteger(tiyn) || tiyn < 0) throw new RangeError('Money must be a non-negative whole number of tiyn');
  return `${Math.trunc(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`;
}
