import type { PaymentRecord } from '@egov/contracts';
import { escapeHtml } from '../html.js';

/**
 * The mock bank's page behind a ПШЭП `paymentUrl`: what a payer sees after the portal sends them to pay.
 * GET shows the order; the form posts to the same URL, which is the bank's confirmation. No script and
 * no outside assets, so it works on a closed network.
 */

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef3f0; color: #14211a; }
main { max-width: 32rem; margin: 0 auto; padding: 1rem; }
.card { background: #fff; border: 1px solid #b7c8bd; border-radius: .6rem; padding: 1rem 1.25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { color: #3d5245; }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
button { font: inherit; font-weight: 600; width: 100%; padding: .75rem; border: 0; border-radius: .4rem; background: #0b6b3a; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #0b3b22; outline-offset: 2px; }
.note { font-size: .9rem; color: #3d5245; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

const amount = (payment: PaymentRecord) => `${Number(payment.amount).toLocaleString('ru-RU', { minimumFractionDigits: 2 })} ${payment.currency}`;

function details(payment: PaymentRecord): string {
  return `<dl>
  <dt>Заказ / Order</dt><dd>${escapeHtml(payment.id)}</dd>
  <dt>Назначение / Purpose</dt><dd>${escapeHtml(payment.purpose)}</dd>
  <dt>Сумма / Amount</dt><dd>${escapeHtml(amount(payment))}</dd>
  <dt>Статус / Status</dt><dd>${escapeHtml(payment.status)}</dd>
</dl>`;
}

export function paymentOrderPage(payment: PaymentRecord): string {
  const action = payment.status === 'PENDING' ? `<form method="post"><button type="submit">Оплатить ${escapeHtml(amount(payment))} / Pay</button></form>` : '';
  return layout(
    `ПШЭП: оплата ${payment.id}`,
    `<h1>ПШЭП · тестовый банк</h1>
<p class="note">Mock payment gateway for development: no money moves.</p>
<section class="card" aria-labelledby="order">
<h2 id="order">Оплата госпошлины / Fee payment</h2>
${details(payment)}
${action}
</section>`,
  );
}

export function paymentDonePage(payment: PaymentRecord): string {
  return layout(
    `ПШЭП: оплачено ${payment.id}`,
    `<h1>ПШЭП · тестовый банк</h1>
<section class="card" aria-labelledby="done">
<h2 id="done">Оплачено / Paid</h2>
${details(payment)}
<p>Можно закрыть эту вкладку и вернуться на портал. / You can close this tab and return to the portal.</p>
</section>`,
  );
}
