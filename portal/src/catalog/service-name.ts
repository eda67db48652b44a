import type { Language } from '../i18n/language.js';

/** The catalog names every service in all three languages: the portal shows the catalog's own name. */
export const serviceName = (names: { kk: string; ru: string; en: string }, language: Language): string => names[language];
