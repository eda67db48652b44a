import { ErrorCode, formatKzt, graphqlError, kzDate, notFound } from '@egov/shared';
import type { Resolvers } from '../generated/graphql.js';

const ACTION_RU: Record<string, string> = { ISSUE: 'выдача', REISSUE: 'переоформление', DUPLICATE: 'выдача дубликата', ANNEX: 'приложение' };

/** Payment orders for service fees: the amount comes from the catalog's fee and the configured rate. */
export const initiatePaymentResolvers: Resolvers = {
  Mutation: {
    initiatePayment: async (_root, { serviceCode, action, payerId, idempotencyKey }, { registry, catalog, fees, now }) => {
      const entry = catalog.byCode(serviceCode);
      if (!entry) throw notFound('public service', 'licensing');
      if (!entry.actions.some((a) => a.kind === action)) {
        throw graphqlError(ErrorCode.BAD_USER_INPUT, `This service has no action ${action}`, { field: 'action' });
      }
      const due = fees.due(entry, action, now);
      if (due.kind === 'FREE' || due.paidVia !== 'PSHEP') {
        throw graphqlError(ErrorCode.NOT_PAYABLE, due.kind === 'FREE' ? 'This service is free' : 'This fee is paid to the provider by contract, not through ПШЭП');
      }
      if (due.amountTiyn === null) throw graphqlError(ErrorCode.FEE_AMOUNT_UNKNOWN, `The amount cannot be set: ${due.unknownBecause}`);
      const payer = payerId.kind === 'IIN' ? payerId.iin : payerId.bin;
      const { payment, paymentUrl } = await registry.openOrder({
        payerId: payer,
        purpose: `Лицензионный сбор: ${entry.names.ru} (${ACTION_RU[action] ?? action.toLowerCase()})`,
        serviceCode,
        action,
        amount: formatKzt(due.amountTiyn),
        // One open order per payer, fee and day, unless the caller keys its own.
        orderKey: idempotencyKey ?? `${payer}:${serviceCode}:${action}:${kzDate(now)}`,
      });
      return { payment, paymentUrl };
    },
  },
};
