import { useLanguage } from '../i18n/language.js';

/**
 * A text of the service standard: the catalog has it in English and in the standard's own Russian. In
 * Kazakh the original is shown, marked as Russian so a screen reader reads it with the right voice.
 */
export function OriginalText({ en, original }: { en: string; original: string }) {
  const { language } = useLanguage();
  return language === 'en' ? en : <span lang="ru">{original}</span>;
}
