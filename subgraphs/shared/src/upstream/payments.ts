import { z } from 'zod';
import { IsoInstant, KztAmount, MAX_BATCH, TwelveDigits } from './common.js';

/** ПШЭП — the e-government payment gateway: budget payments (licence fees) by IIN/BIN. */
export const paymentsApi = {
  basePath: '/pshep/v1',
  /** GET: one payment by the gateway's id. */
  payment: '/pshep/v1/payments/:id',
  /** POST {payerIds}: every payment of these payers. */
  byPayers: '/pshep/v1/payments/by-payer',
} as const;

export const PaymentStatus = z.enum(['PENDING', 'PAID', 'FAILED', 'CANCELLED']);

export const PaymentRecord = z.object({
  id: z.string().min(1),
  payerId: TwelveDigits,
  purpose: z.string(),
  /** The public service the payment is for, when it is a fee for one; the gateway also carries other payments. */
  serviceCode: z.string().nullable(),
  action: z.string().nullable(),
  amount: KztAmount,
  currency: z.literal('KZT'),
  status: PaymentStatus,
  createdAt: IsoInstant,
  paidAt: IsoInstant.nullable(),
  transactionId: z.string().nullable(),
});
export type PaymentRecord = z.infer<typeof PaymentRecord>;

export const ByPayersRequest = z.object({ payerIds: z.array(TwelveDigits).min(1).max(MAX_BATCH) });
export type ByPayersRequest = z.infer<typeof ByPayersRequest>;
export const ByPayersResponse = z.object({ payments: z.array(PaymentRecord) });
export type ByPayersResponse = z.infer<typeof ByPayersResponse>;
