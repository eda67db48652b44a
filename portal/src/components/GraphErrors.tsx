import type { GraphError } from '../api/graphql-client.js';
import { useLanguage } from '../i18n/language.js';
import { Notice } from './Notice.js';

/** Errors the page has no special place for: the server's message with its code, never swallowed. */
export function GraphErrors({ errors }: { errors: readonly GraphError[] }) {
  const { t } = useLanguage();
  if (errors.length === 0) return null;
  return (
    <Notice tone="error" title={t('error.server')}>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>
            {error.message} <code>{error.extensions?.code ?? 'ERROR'}</code>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
