import { Citation } from '../components/Citation.js';
import { OriginalText } from '../components/OriginalText.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { ACTION } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

export const RefusalGroundFragment = graphql(`
  fragment RefusalGroundItem on RefusalGround {
    code
    text
    textOriginal
    actions
    source {
      ...CitationFields
    }
  }
`);

export function RefusalGroundList(props: { grounds: readonly FragmentType<typeof RefusalGroundFragment>[] }) {
  const grounds = props.grounds.map((ground) => readFragment(RefusalGroundFragment, ground));
  const { language, t } = useLanguage();
  return (
    <ul className="refusal-grounds">
      {grounds.map((ground) => (
        <li key={ground.code}>
          <p>
            <OriginalText en={ground.text} original={ground.textOriginal} />
          </p>
          <p className="fine">{ground.actions ? ground.actions.map((action) => ACTION[action][language]).join(', ') : t('refusal.everyAction')}</p>
          <Citation source={ground.source} />
        </li>
      ))}
    </ul>
  );
}
