import { useEffect, useRef, useState } from 'react';
import { useGraph, useQuery } from '../api/use-graph.js';
import { Notice } from '../components/Notice.js';
import type { ServiceActionKind } from '../generated/graphql.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { FEE_KIND } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

export const FeeStatusFragment = graphql(`
  fragment FeeStatusPanel on FeeStatus {
    kind
    paidVia
    amount
    amountMrp
    unknownBecause
    paid
    payment {
      id
      status
    }
  }
`);

const OpenPayment = graphql(`
  mutation OpenPayment($serviceCode: ID!, $action: ServiceActionKind!, $payerId: ApplicantId!, $idempotencyKey: String) {
    initiatePayment(serviceCode: $serviceCode, action: $action, payerId: $payerId, idempotencyKey: $idempotencyKey) {
      paymentUrl
      payment {
        id
        status
        amount
      }
    }
  }
`);

const PaymentStatus = graphql(`
  query PaymentStatus($id: ID!) {
    payment(id: $id) {
      id
      status
      paidAt
    }
  }
`);

/** How often an open order is asked about while the payer is on the bank's page. */
const POLL_MS = 2000;

function PaymentWatcher({ paymentId, onPaid }: { paymentId: string; onPaid(): void }) {
  const { t } = useLanguage();
  const { data, refetch } = useQuery(PaymentStatus, { id: paymentId });
  const status = data?.payment?.status;
  const reported = useRef(false);
  useEffect(() => {
    if (status === 'PAID') {
      if (!reported.current) onPaid();
      reported.current = true;
      return;
    }
    const timer = setTimeout(refetch, POLL_MS);
    return () => clearTimeout(timer);
  }, [data, status, refetch, onPaid]);
  return (
    <p role="status" className="fine">
      {status === 'PAID' ? t('fee.paid') : t('fee.waiting')}{' '}
      <button type="button" className="link" onClick={refetch}>
        {t('fee.check')}
      </button>
    </p>
  );
}

/**
 * The fee: already paid (ПШЭП has a payment for this service and action), nothing to pay, or open an order
 * and pay on the bank's page in a new tab while this page watches the order.
 */
export function FeeStep(props: {
  fee: FragmentType<typeof FeeStatusFragment>;
  serviceCode: string;
  action: ServiceActionKind;
  payerId: string;
  onPaid(paymentId: string): void;
}) {
  const fee = readFragment(FeeStatusFragment, props.fee);
  const graph = useGraph();
  const { language, t } = useLanguage();
  const format = useFormat();
  const [order, setOrder] = useState<{ id: string; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  if (fee.paid && fee.payment) {
    return (
      <Notice tone="success" title={t('fee.paidTitle')}>
        <p>{t('fee.paidWith', { id: fee.payment.id })}</p>
      </Notice>
    );
  }
  if (fee.kind === 'FREE') return <p>{t('fee.none')}</p>;
  if (!fee.amount) {
    return (
      <Notice tone="warning" title={FEE_KIND[fee.kind][language]}>
        <p lang="en">{fee.unknownBecause}</p>
      </Notice>
    );
  }

  const open = async () => {
    setProblem(null);
    const answer = await graph(OpenPayment, { serviceCode: props.serviceCode, action: props.action, payerId: props.payerId, idempotencyKey });
    const opened = answer.data?.initiatePayment;
    if (!opened) return setProblem(answer.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'ERROR'})`).join('; '));
    setOrder({ id: opened.payment.id, url: opened.paymentUrl });
  };

  return (
    <div className="fee-step">
      <p>
        {t('fee.due')} <strong className="amount">{format.money(fee.amount)}</strong>{' '}
        <span className="fine">
          ({fee.amountMrp} {t('fee.mrp')})
        </span>
      </p>
      {order ? (
        <>
          <p>
            <a className="button primary" href={order.url} target="_blank" rel="noopener noreferrer">
              {t('fee.goPay')}
              <span className="visually-hidden"> {t('common.newTab')}</span>
            </a>
          </p>
          <PaymentWatcher paymentId={order.id} onPaid={() => props.onPaid(order.id)} />
        </>
      ) : (
        <button type="button" className="primary" onClick={() => void open()}>
          {t('fee.pay', { amount: format.money(fee.amount) })}
        </button>
      )}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
