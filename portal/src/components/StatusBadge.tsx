import type { ApplicationStatus } from '../generated/graphql.js';
import { STATUS } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { language } = useLanguage();
  return <span className={`badge status status-${status.toLowerCase()}`}>{STATUS[status][language]}</span>;
}
