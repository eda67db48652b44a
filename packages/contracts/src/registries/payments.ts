import { z } from 'zod';
import { IsoInstant, KztAmount, MAX_BATCH, TwelveDigits } from './common.js';

/** ПШЭП — the e-government payment gateway: budget payments (licence fees) by IIN/BIN. */
export const paymentsApi = {
  basePath: '/pshep/v1',
  /** GET: one payment by the gateway's id. */
  payment: '/pshep/v1/payments/:id',
  /** POST {payerIds}: every payment of these payers. */
  byPayers: '/pshep/v1/payments/by-payer',
  /** POST: open a payment order; the payer completes it at `paymentUrl` (the bank's page). */
  create: '/pshep/v1/payments',
  /** POST: the bank's confirmation that the order was paid (what the payer's bank sends the gateway). */
  confirm: '/pshep/v1/payments/:id/confirm',
} as const;

/** A payment id as ПШЭП writes it (`PSH-20140128-000731`). */
export const PAYMENT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

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

export const CreatePaymentRequest = z.object({
  payerId: TwelveDigits,
  purpose: z.string().min(1),
  serviceCode: z.string().min(1),
  action: z.string().min(1),
  amount: KztAmount,
  /** The same key returns the same order instead of opening a second one. */
  orderKey: z.string().min(8).max(200),
});
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>;
export const CreatePaymentResponse = z.object({ payment: PaymentRecord, paymentUrl: z.string().url() });
export type CreatePaymentResponse = z.infer<typeof CreatePaymentResponse>;
