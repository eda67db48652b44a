import { Citation } from '../components/Citation.js';
import { OriginalText } from '../components/OriginalText.js';
import { RegistryBadge } from '../components/RegistryBadge.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { SUPPLY } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

export const ServiceDocumentFragment = graphql(`
  fragment ServiceDocumentItem on ServiceDocument {
    id
    name
    nameOriginal
    channels
    supply
    registry
    condition
    source {
      ...CitationFields
    }
  }
`);

/** A standard's document list: for each, whether the applicant scans it or a registry supplies it. */
export function DocumentList(props: { documents: readonly FragmentType<typeof ServiceDocumentFragment>[] }) {
  const documents = props.documents.map((document) => readFragment(ServiceDocumentFragment, document));
  const { language } = useLanguage();
  return (
    <ul className="document-list">
      {documents.map((document) => (
        <li key={document.id} className={`document supply-${document.supply.toLowerCase()}`}>
          <p className="document-name">
            <OriginalText en={document.name} original={document.nameOriginal} />
          </p>
          <p className="document-supply">
            <span className={`badge supply supply-${document.supply.toLowerCase()}`}>{SUPPLY[document.supply][language]}</span>
            {document.registry ? <RegistryBadge registry={document.registry} /> : null}
          </p>
          {document.condition ? (
            <p className="fine" lang="en">
              {document.condition}
            </p>
          ) : null}
          <Citation source={document.source} />
        </li>
      ))}
    </ul>
  );
}
