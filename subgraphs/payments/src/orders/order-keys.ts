import { createHash } from 'node:crypto';
import { ErrorCode, graphqlError } from '@egov/core';
import type { Pool } from '@egov/stores';

/** One fee of one payer: what an order, and a client's key for it, belong to. */
export interface FeeRequest {
  payerId: string;
  serviceCode: string;
  action: string;
}

const sha256 = (parts: readonly string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * The order key ПШЭП sees: derived from payer, service, action and the client's key (or, without one, the
 * day), never the client's key as sent. Two payers' equal keys can never name one order at the bank.
 */
export function orderKeyOf(fee: FeeRequest, clientKeyOrDay: { clientKey: string } | { day: string }): string {
  const scope = 'clientKey' in clientKeyOrDay ? ['key', clientKeyOrDay.clientKey] : ['day', clientKeyOrDay.day];
  return `egov-${sha256([fee.payerId, fee.serviceCode, fee.action, ...scope])}`;
}

/**
 * Who a client's idempotency key belongs to, recorded durably in PostgreSQL the first time it is used: the
 * same key for another payer, or for another fee of the same payer, is refused in every configuration.
 */
export class OrderKeys {
  constructor(private readonly pool: Pool) {}

  /** Claims `clientKey` for `fee`, or throws IDEMPOTENCY_KEY_REUSED when it already belongs to another. */
  async claim(clientKey: string, fee: FeeRequest): Promise<void> {
    const keyHash = sha256(['client-key', clientKey]);
    const ownerHash = sha256([fee.payerId, fee.serviceCode, fee.action]);
    // The first claim wins (a racing one waits on the key's row, then finds it taken); a later statement
    // reads the owner, so it sees the winner's committed row.
    const inserted = await this.pool.query('INSERT INTO payments.order_keys (key_hash, owner_hash) VALUES ($1, $2) ON CONFLICT (key_hash) DO NOTHING', [
      keyHash,
      ownerHash,
    ]);
    if (inserted.rowCount === 1) return;
    const { rows } = await this.pool.query<{ owner_hash: string }>('SELECT owner_hash FROM payments.order_keys WHERE key_hash = $1', [keyHash]);
    if (rows[0]?.owner_hash !== ownerHash) {
      throw graphqlError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different payment order; use a new key', {
        field: 'idempotencyKey',
      });
    }
  }
}
