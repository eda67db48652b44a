import type { RequestFailed } from '../api/graphql-client.js';
import { useLanguage } from '../i18n/language.js';
import { Notice } from './Notice.js';

/** The request never got an answer: say so and offer the retry. */
export function RequestProblem({ failure, retry }: { failure: RequestFailed; retry(): void }) {
  const { t } = useLanguage();
  return (
    <Notice tone="error" title={t('error.requestFailed')}>
      <p>
        {failure.message} <code>{failure.code}</code>
      </p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </Notice>
  );
}
