import {
  ByPayersRequest,
  type ByPayersResponse,
  CreatePaymentRequest,
  type CreatePaymentResponse,
  fillPath,
  type PaymentRecord,
  paymentsApi,
} from '@egov/contracts';
import type { RegistryState } from '../state.js';
import { paymentDonePage, paymentOrderPage } from './payment-page.js';
import { notFound, withBody } from './respond.js';
import { html, json, type RegistryRoute } from './route.js';

/** ПШЭП: payments by payer IIN/BIN and by id; payment orders and the bank's confirmation. */
export function paymentsRoutes(state: RegistryState): RegistryRoute[] {
  return [
    {
      method: 'POST',
      path: paymentsApi.create,
      handle: withBody(CreatePaymentRequest, (body, request) => {
        state.record('payments', 'payments:create');
        const existing = state.paymentOrders.get(body.orderKey);
        const payment: PaymentRecord = existing
          ? state.payments.get(existing)!
          : {
              id: state.nextPaymentId(new Date().toISOString().slice(0, 10)),
              payerId: body.payerId,
              purpose: body.purpose,
              serviceCode: body.serviceCode,
              action: body.action,
              amount: body.amount,
              currency: 'KZT',
              status: 'PENDING',
              createdAt: new Date().toISOString(),
              paidAt: null,
              transactionId: null,
            };
        state.payments.set(payment.id, payment);
        state.paymentOrders.set(body.orderKey, payment.id);
        const answer: CreatePaymentResponse = { payment, paymentUrl: `${request.url.origin}${fillPath(paymentsApi.confirm, { id: payment.id })}` };
        return json(answer, existing ? 200 : 201);
      }),
    },
    // The bank's page at paymentUrl, where a payer in a browser lands; its form posts the confirmation below.
    {
      method: 'GET',
      path: paymentsApi.confirm,
      handle: ({ params }) => {
        const payment = state.payments.get(params.id ?? '');
        return payment ? html(paymentOrderPage(payment)) : html('<!doctype html><title>Not found</title><p>No such payment order', 404);
      },
    },
    {
      method: 'POST',
      path: paymentsApi.confirm,
      handle: (request) => {
        state.record('payments', 'payments/:id/confirm');
        const payment = state.payments.get(request.params.id ?? '');
        if (!payment) return notFound();
        if (payment.status === 'PENDING') {
          payment.status = 'PAID';
          payment.paidAt = new Date().toISOString();
          payment.transactionId = `TX${Date.now()}${payment.id.slice(-5)}`;
        }
        // A person who pressed "Pay" on the bank's page sees a page; the bank's own callers get JSON.
        const fromPage = (request.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
        return fromPage ? html(paymentDonePage(payment)) : json(payment);
      },
    },
    {
      method: 'POST',
      path: paymentsApi.byPayers,
      handle: withBody(ByPayersRequest, (body) => {
        state.record('payments', 'payments/by-payer', body.payerIds.length);
        const answer: ByPayersResponse = { payments: state.paymentsOf(body.payerIds) };
        return json(answer);
      }),
    },
    {
      method: 'GET',
      path: paymentsApi.payment,
      handle: ({ params }) => {
        state.record('payments', 'payments/:id');
        const payment = state.payments.get(params.id ?? '');
        return payment ? json(payment) : notFound();
      },
    },
  ];
}
