import { applicantIdOf } from '@egov/contracts';
import { ErrorCode, formatKzt, graphqlError, kzDate, notFound } from '@egov/core';
import { feePurpose } from '@egov/domain';
import { idempotencyKeyProblem, runOnce } from '@egov/stores';
import type { Resolvers } from '../generated/graphql.js';
import { orderKeyOf } from '../orders/order-keys.js';

/** Payment orders for service fees: the amount comes from the catalog's fee and the configured rate. */
export const initiatePaymentResolvers: Resolvers = {
  Mutation: {
    initiatePayment: async (_root, { serviceCode, action, payerId, idempotencyKey }, context) => {
      const { registry, catalog, fees, now, idempotency } = context;
      const entry = catalog.byCode(serviceCode);
      if (!entry) throw notFound('public service', 'licensing');
      if (!entry.actions.some((a) => a.kind === action)) {
        throw graphqlError(ErrorCode.BAD_USER_INPUT, `This service has no action ${action}`, { field: 'action' });
      }
      const due = fees.due(entry, action, now);
      if (due.kind === 'FREE' || due.paidVia !== 'PSHEP') {
        throw graphqlError(
          ErrorCode.NOT_PAYABLE,
          due.kind === 'FREE' ? 'This service is free' : 'This fee is paid to the provider by contract, not through ПШЭП',
        );
      }
      if (due.amountTiyn === null) throw graphqlError(ErrorCode.FEE_AMOUNT_UNKNOWN, `The amount cannot be set: ${due.unknownBecause}`);
      const payer = applicantIdOf(payerId);
      await context.auth.require({ kind: 'act-for', applicantId: payer });
      const badKey = idempotencyKey == null ? null : idempotencyKeyProblem(idempotencyKey);
      if (badKey) throw graphqlError(ErrorCode.BAD_USER_INPUT, badKey, { field: 'idempotencyKey' });
      const fee = { payerId: payer, serviceCode, action };
      // A client's key is its payer's, for this fee: anyone else's use of it is refused before any order.
      if (idempotencyKey) await context.orderKeys.claim(idempotencyKey, fee);
      const open = () =>
        registry.openOrder({
          payerId: payer,
          purpose: feePurpose(entry.names.ru, action),
          serviceCode,
          action,
          amount: formatKzt(due.amountTiyn!),
          // One open order per payer, fee and day, unless the caller keys its own.
          orderKey: orderKeyOf(fee, idempotencyKey ? { clientKey: idempotencyKey } : { day: kzDate(now) }),
        });
      if (!idempotencyKey || !idempotency) return open();
      // Concurrent twins of one click open one order: the first runs, the others get its answer.
      return (await runOnce(idempotency, `pay:${idempotencyKey}`, `${payer}:${serviceCode}:${action}`, open, { ttlMs: 24 * 3600_000 })).result;
    },
  },
};
