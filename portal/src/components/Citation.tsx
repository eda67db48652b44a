import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { useLanguage } from '../i18n/language.js';

export const CitationFragment = graphql(`
  fragment CitationFields on Citation {
    seed
    fromLine
    toLine
  }
`);

/** Where in the service standard's text a fact is written: seed file and lines, as the catalog cites it. */
export function Citation(props: { source: FragmentType<typeof CitationFragment> }) {
  const source = readFragment(CitationFragment, props.source);
  const { t } = useLanguage();
  const lines = source.fromLine === source.toLine ? String(source.fromLine) : `${source.fromLine}–${source.toLine}`;
  return <cite className="citation">{t('citation.source', { seed: source.seed, lines })}</cite>;
}
