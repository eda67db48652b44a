import { http, HttpResponse } from 'msw';
import { ByPayersRequest, paymentsApi, type ByPayersResponse } from '@egov/shared/upstream';
import type { RegistryState } from '../state.js';
import { anyOrigin, notFound, parseBody } from './respond.js';

/** ПШЭП: payments by payer IIN/BIN and by id. */
export function paymentsHandlers(state: RegistryState) {
  return [
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
