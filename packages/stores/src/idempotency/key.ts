/** How long a client's idempotency key may be: long enough not to collide by accident, short enough to index. */
export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 200 } as const;

/** Why the key is not usable, or null when it is. */
export function idempotencyKeyProblem(key: string): string | null {
  const { min, max } = IDEMPOTENCY_KEY_LENGTH;
  return key.length < min || key.length > max ? `The idempotency key must be ${min} to ${max} characters (a UUID is ideal)` : null;
}
