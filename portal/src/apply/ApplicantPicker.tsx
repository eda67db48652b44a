import { type FormEvent, useId, useState } from 'react';
import { useLanguage } from '../i18n/language.js';

export interface ApplicantOption {
  id: string;
  label: string;
}

/**
 * The only thing an applicant types: who applies. Themselves, a company they head, or another IIN/BIN.
 * A refused id shows the server's own message at the field (the ApplicantId scalar explains what is wrong).
 */
export function ApplicantPicker(props: {
  options: readonly ApplicantOption[];
  chosen: string | null;
  fieldError: string | null;
  busy: boolean;
  onChoose(id: string): void;
}) {
  const { t } = useLanguage();
  const [choice, setChoice] = useState<string>(
    props.options.find((o) => o.id === props.chosen)?.id ?? (props.chosen ? 'other' : (props.options[0]?.id ?? 'other')),
  );
  const [typed, setTyped] = useState(props.chosen && !props.options.some((o) => o.id === props.chosen) ? props.chosen : '');
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onChoose(choice === 'other' ? typed.trim() : choice);
  };
  return (
    <form className="applicant-picker" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('apply.who')}</legend>
        {props.options.map((option) => (
          <div className="choice" key={option.id}>
            <input
              type="radio"
              id={`applicant-${option.id}`}
              name="applicant"
              value={option.id}
              checked={choice === option.id}
              onChange={() => setChoice(option.id)}
            />
            <label htmlFor={`applicant-${option.id}`}>{option.label}</label>
          </div>
        ))}
        <div className="choice">
          <input type="radio" id="applicant-other" name="applicant" value="other" checked={choice === 'other'} onChange={() => setChoice('other')} />
          <label htmlFor="applicant-other">{t('apply.otherId')}</label>
        </div>
        <div className="field nested">
          <label htmlFor="applicant-id">{t('apply.idLabel')}</label>
          <input
            id="applicant-id"
            name="applicant-id"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setChoice('other');
            }}
            aria-invalid={props.fieldError ? true : undefined}
            aria-describedby={props.fieldError ? errorId : undefined}
          />
          {props.fieldError ? (
            <p id={errorId} className="field-error" role="alert">
              {props.fieldError}
            </p>
          ) : null}
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={props.busy}>
        {t('apply.prepare')}
      </button>
    </form>
  );
}
