import { LANGUAGE_NAMES, LANGUAGES, useLanguage } from '../i18n/language.js';

/** Three buttons, each language in its own name; the current one is marked for assistive technology too. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      <ul>
        {LANGUAGES.map((code) => (
          <li key={code}>
            <button type="button" lang={code} aria-pressed={code === language} onClick={() => setLanguage(code)}>
              {LANGUAGE_NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
