import {
  ByPayersRequest,
  type ByPayersResponse,
  CreatePaymentRequest,
  type CreatePaymentResponse,
  fillPath,
  type PaymentRecord,
  paymentsApi,
} from '@egov/contracts';
import { HttpResponse, http } from 'msw';
import type { RegistryState } from '../state.js';
import { paymentDonePage, paymentOrderPage } from './payment-page.js';
import { anyOrigin, notFound, parseBody } from './respond.js';

/** ПШЭП: payments by payer IIN/BIN and by id; payment orders and the bank's confirmation. */
export function paymentsHandlers(state: RegistryState) {
  return [
    http.post(anyOrigin(paymentsApi.create), async ({ request }) => {
      const body = await parseBody(request, CreatePaymentRequest);
      if (body instanceof Response) return body;
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
      const origin = new URL(request.url).origin;
      const answer: CreatePaymentResponse = { payment, paymentUrl: `${origin}${fillPath(paymentsApi.confirm, { id: payment.id })}` };
      return HttpResponse.json(answer, { status: existing ? 200 : 201 });
    }),
    // The bank's page at paymentUrl, where a payer in a browser lands; its form posts the confirmation below.
    http.get(anyOrigin(paymentsApi.confirm), ({ params }) => {
      const payment = state.payments.get(String(params.id));
      return payment
        ? HttpResponse.html(paymentOrderPage(payment))
        : HttpResponse.html('<!doctype html><title>Not found</title><p>No such payment order', { status: 404 });
    }),
    http.post(anyOrigin(paymentsApi.confirm), ({ params, request }) => {
      state.record('payments', 'payments/:id/confirm');
      const payment = state.payments.get(String(params.id));
      if (!payment) return notFound();
      if (payment.status === 'PENDING') {
        payment.status = 'PAID';
        payment.paidAt = new Date().toISOString();
        payment.transactionId = `TX${Date.now()}${payment.id.slice(-5)}`;
      }
      // A person who pressed "Pay" on the bank's page sees a page; the bank's own callers get JSON.
      const fromPage = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
      return fromPage ? HttpResponse.html(paymentDonePage(payment)) : HttpResponse.json(payment);
    }),
    http.post(anyOrigin(paymentsApi.byPayers), async ({ request }) => {
      const body = await parseBody(request, ByPayersRequest);
      if (body instanceof Response) return body;
      state.record('payments', 'payments/by-payer', body.payerIds.length);
      const answer: ByPayersResponse = { payments: state.paymentsOf(body.payerIds) };
      return HttpResponse.json(answer);
    }),
    http.get(anyOrigin(paymentsApi.payment), ({ params }) => {
      state.record('payments', 'payments/:id');
      const payment = state.payments.get(String(params.id));
      return payment ? HttpResponse.json(payment) : notFound();
    }),
  ];
}
