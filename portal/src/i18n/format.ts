import { useMemo } from 'react';
import { type Language, useLanguage } from './language.js';

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
/** Deadlines and receipts are Kazakhstan's dates, wherever the reader is. */
const TIME_ZONE = 'Asia/Almaty';

/** Dates, times and tenge in the reader's language. */
export function useFormat() {
  const { language } = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[language];
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    const tenge = new Intl.NumberFormat(locale, { style: 'currency', currency: 'KZT', minimumFractionDigits: 2 });
    const bytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      /** A calendar date ("2026-04-15"), which has no time zone of its own. */
      date: (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`)),
      dateTime: (iso: string) => moment.format(new Date(iso)),
      /** Money arrives as a decimal string ("43250.00"); it is never a float on the way. */
      money: (amount: string) => tenge.format(Number(amount)),
      size: (size: number) => (size < 1024 * 1024 ? `${bytes.format(size / 1024)} KB` : `${bytes.format(size / 1024 / 1024)} MB`),
    };
  }, [language]);
}
