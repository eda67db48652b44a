import { useRef, useState } from 'react';
import type { UploadedScan } from '../api/upload-scan.js';
import { useGraph } from '../api/use-graph.js';
import { useSettings } from '../app/settings.js';
import { useSession } from '../auth/session.js';
import { Notice } from '../components/Notice.js';
import type { ServiceActionKind } from '../generated/graphql.js';
import { type FragmentType, graphql } from '../generated/index.js';
import { useLanguage } from '../i18n/language.js';
import { SigningFailed, signApplication, signerFor } from '../signing/signer.js';
import type { ReceiptFragment } from './Receipt.js';

const SubmitApplication = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      __typename
      ... on ApplicationReceipt {
        number
        ...ReceiptDetails
      }
      ... on ApplicationRejected {
        problems {
          code
          field
          message
        }
      }
    }
  }
`);

interface Problem {
  code: string;
  field?: string | null;
  message: string;
}

/** Where on the page each submission problem's field is, so the list can link to it. */
const SECTION_OF: Record<string, string> = {
  attachmentIds: 'documents-heading',
  paymentId: 'fee-heading',
  signature: 'submit-heading',
  fields: 'form-heading',
};

export interface SubmissionInput {
  serviceCode: string;
  action: ServiceActionKind;
  applicantId: string;
  forCompany: boolean;
  scans: readonly UploadedScan[];
  paymentId: string | null;
  fields: { fieldId: string; value: string }[];
}

/**
 * Sign exactly what is submitted (each scan by its SHA-256), then submit. A retry of the same content
 * keeps its idempotency key, so a lost answer never files twice; changed content gets a new key.
 */
export function SubmitStep(props: { input: SubmissionInput; disabled: boolean; onReceipt(receipt: FragmentType<typeof ReceiptFragment>): void }) {
  const settings = useSettings();
  const { token } = useSession();
  const graph = useGraph();
  const { t } = useLanguage();
  const [busy, setBusy] = useState<'signing' | 'submitting' | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);

  const submit = async () => {
    if (!token) return;
    const { serviceCode, action, applicantId, forCompany, scans, paymentId, fields } = props.input;
    const fingerprint = JSON.stringify({ serviceCode, action, applicantId, scans: scans.map((s) => s.id), paymentId, fields });
    if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
    const idempotencyKey = attempt.current.key;
    setProblems([]);
    try {
      setBusy('signing');
      const attachments = scans.map(({ id, sha256 }) => ({ id, sha256 }));
      const signature = await signApplication(
        signerFor(settings, token),
        { serviceCode, action, applicantId, idempotencyKey, paymentId, attachments, fields },
        forCompany,
      );
      setBusy('submitting');
      const answer = await graph(SubmitApplication, {
        input: {
          serviceCode,
          action,
          applicantId,
          attachmentIds: scans.map((s) => s.id),
          ...(paymentId ? { paymentId } : {}),
          idempotencyKey,
          fields,
          signature,
        },
      });
      const result = answer.data?.submitApplication;
      if (result?.__typename === 'ApplicationReceipt') return props.onReceipt(result);
      if (result?.__typename === 'ApplicationRejected') {
        // Nothing was stored: the next attempt, whatever it changes, must not replay this one.
        attempt.current = null;
        return setProblems(result.problems);
      }
      setProblems(answer.errors.map((e) => ({ code: e.extensions?.code ?? 'ERROR', message: e.message })));
    } catch (error) {
      setProblems([{ code: error instanceof SigningFailed ? error.code : 'SUBMIT_FAILED', message: (error as Error).message }]);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="submit-step">
      <p className="fine">{t('submit.whatIsSigned')}</p>
      <button type="button" className="primary" disabled={props.disabled || busy !== null} onClick={() => void submit()}>
        {settings.signing.kind === 'test-key' ? t('submit.signTestKey') : t('submit.sign')}
      </button>
      {busy ? (
        <p role="status" className="fine">
          {busy === 'signing' ? t('submit.signing') : t('submit.submitting')}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <Notice tone="error" title={t('submit.rejected')}>
          <ul className="problems">
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.field && SECTION_OF[problem.field] ? <a href={`#${SECTION_OF[problem.field]}`}>{problem.message}</a> : problem.message}{' '}
                <code>{problem.code}</code>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}
