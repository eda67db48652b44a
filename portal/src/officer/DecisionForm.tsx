import { type FormEvent, useId, useState } from 'react';
import { useGraph } from '../api/use-graph.js';
import { useSettings } from '../app/settings.js';
import { useSession } from '../auth/session.js';
import { Notice } from '../components/Notice.js';
import type { DecisionOutcome, ServiceActionKind } from '../generated/graphql.js';
import { graphql } from '../generated/index.js';
import { useLanguage } from '../i18n/language.js';
import { signDecision, signerFor } from '../signing/signer.js';

const DecideApplication = graphql(`
  mutation DecideApplication($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      number
      status
    }
  }
`);

export interface Ground {
  code: string;
  text: string;
  textOriginal: string;
  actions?: readonly ServiceActionKind[] | null;
}

/**
 * Issue or refuse. A refusal must name one of the standard's refusal grounds (for this action); the
 * decision is signed by the officer over exactly what is sent (number, outcome, ground, note, their IIN).
 */
export function DecisionForm(props: { number: string; action: ServiceActionKind; grounds: readonly Ground[]; onDecided(): void }) {
  const settings = useSettings();
  const { token, identity } = useSession();
  const graph = useGraph();
  const { language, t } = useLanguage();
  const [outcome, setOutcome] = useState<DecisionOutcome>('ISSUE');
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const groundError = useId();
  const grounds = props.grounds.filter((g) => !g.actions || g.actions.includes(props.action));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token || !identity) return;
    if (outcome === 'REFUSE' && !ground) return setProblem(t('decision.groundNeeded'));
    setProblem(null);
    setBusy(true);
    try {
      const decision = {
        number: props.number,
        outcome,
        refusalGround: outcome === 'REFUSE' ? ground : null,
        note: note.trim() || null,
        officerId: identity.iin,
      };
      const signature = await signDecision(signerFor(settings, token), decision);
      const answer = await graph(DecideApplication, {
        input: {
          number: decision.number,
          outcome,
          ...(decision.refusalGround ? { refusalGround: decision.refusalGround } : {}),
          ...(decision.note ? { note: decision.note } : {}),
          signature,
        },
      });
      if (answer.data?.decideApplication) props.onDecided();
      else setProblem(answer.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'ERROR'})`).join('; '));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="decision" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{t('decision.outcome')}</legend>
        <div className="choice">
          <input type="radio" id="outcome-issue" name="outcome" checked={outcome === 'ISSUE'} onChange={() => setOutcome('ISSUE')} />
          <label htmlFor="outcome-issue">{t('decision.issue')}</label>
        </div>
        <div className="choice">
          <input type="radio" id="outcome-refuse" name="outcome" checked={outcome === 'REFUSE'} onChange={() => setOutcome('REFUSE')} />
          <label htmlFor="outcome-refuse">{t('decision.refuse')}</label>
        </div>
      </fieldset>
      {outcome === 'REFUSE' ? (
        <div className="field">
          <label htmlFor="refusal-ground">{t('decision.ground')}</label>
          <select
            id="refusal-ground"
            value={ground}
            onChange={(event) => {
              setGround(event.target.value);
              setProblem(null);
            }}
            aria-describedby={problem ? groundError : undefined}
            required
          >
            <option value="">{t('decision.pickGround')}</option>
            {grounds.map((g) => (
              <option key={g.code} value={g.code}>
                {language === 'en' ? g.text : g.textOriginal}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="decision-note">{t('decision.note')}</label>
        <textarea id="decision-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {problem ? (
        <Notice tone="error">
          <p id={groundError}>{problem}</p>
        </Notice>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {settings.signing.kind === 'test-key' ? t('decision.signTestKey') : t('decision.sign')}
      </button>
      {busy ? (
        <p role="status" className="fine">
          {t('submit.signing')}
        </p>
      ) : null}
    </form>
  );
}
