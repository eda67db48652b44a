import type { ResultOf } from '@graphql-typed-document-node/core';
import { RegistryBadge } from '../components/RegistryBadge.js';
import type { RegistryName } from '../generated/graphql.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { REGISTRY } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';

export const DraftFieldFragment = graphql(`
  fragment DraftFieldRow on DraftField {
    formId
    formTitle
    fieldId
    label
    labelOriginal
    value
    filledBy
    source {
      registry
      path
      recordId
      readAt
    }
  }
`);

type DraftField = ResultOf<typeof DraftFieldFragment>;

function PrefilledValue({ field }: { field: DraftField }) {
  const { t } = useLanguage();
  const format = useFormat();
  return (
    <div className="prefilled">
      <span className="value">{field.value ?? <span className="muted">{field.source ? t('apply.registryHasNone') : '—'}</span>}</span>
      {field.source ? (
        <span className="source">
          <RegistryBadge registry={field.source.registry} />
          <span className="fine">{t('apply.readAt', { time: format.dateTime(field.source.readAt) })}</span>
        </span>
      ) : null}
    </div>
  );
}

/**
 * The form as the registries filled it, grouped by the standard's forms. Each prefilled value names its
 * registry; the few fields no registry holds are inputs (optional: the standard's form asks for them, the
 * registries cannot know them).
 */
export function DraftFields(props: {
  fields: readonly FragmentType<typeof DraftFieldFragment>[];
  typed?: Record<string, string>;
  onType?: (fieldId: string, value: string) => void;
  /** Degraded mode: fields left empty because their registry did not answer, with that registry. */
  unread?: ReadonlyMap<string, RegistryName>;
}) {
  const editable = props.onType !== undefined;
  const { language, t } = useLanguage();
  const fields = props.fields.map((field) => readFragment(DraftFieldFragment, field)).filter((field) => field.filledBy === 'APPLICANT');
  const forms = [...new Map(fields.map((field) => [field.formId, field.formTitle])).entries()];
  const label = (field: DraftField) => (language === 'en' ? field.label : <span lang="ru">{field.labelOriginal}</span>);
  return (
    <>
      {forms.map(([formId, title]) => (
        <fieldset key={formId} className="draft-form">
          <legend lang="en">{title}</legend>
          <dl className="draft-fields">
            {fields
              .filter((field) => field.formId === formId)
              .map((field) => {
                const down = props.unread?.get(field.fieldId);
                return down ? (
                  <div className="draft-field unread" key={field.fieldId} data-field={field.fieldId}>
                    <dt>{label(field)}</dt>
                    <dd>
                      <span className="source">
                        <RegistryBadge registry={down} />
                        <span className="fine">{t('outage.fieldUnread', { registry: REGISTRY[down][language] })}</span>
                      </span>
                    </dd>
                  </div>
                ) : field.source || !editable ? (
                  <div className="draft-field" key={field.fieldId} data-field={field.fieldId}>
                    <dt>{label(field)}</dt>
                    <dd>
                      <PrefilledValue field={field} />
                    </dd>
                  </div>
                ) : (
                  <div className="draft-field typed" key={field.fieldId} data-field={field.fieldId}>
                    <dt>
                      <label htmlFor={`field-${formId}-${field.fieldId}`}>{label(field)}</label>
                    </dt>
                    <dd>
                      <input
                        id={`field-${formId}-${field.fieldId}`}
                        value={props.typed?.[field.fieldId] ?? ''}
                        onChange={(event) => props.onType?.(field.fieldId, event.target.value)}
                        aria-describedby="typed-hint"
                      />
                    </dd>
                  </div>
                );
              })}
          </dl>
        </fieldset>
      ))}
      {editable ? (
        <p id="typed-hint" className="fine">
          {t('apply.typedHint')}
        </p>
      ) : null}
    </>
  );
}
