const ACTION_RU: Readonly<Record<string, string>> = { ISSUE: 'выдача', REISSUE: 'переоформление', DUPLICATE: 'выдача дубликата', ANNEX: 'приложение' };

/** The purpose line of a fee's payment order, as ПШЭП shows it to the payer and the provider. */
export function feePurpose(serviceNameRu: string, action: string): string {
  return `Лицензионный сбор: ${serviceNameRu} (${ACTION_RU[action] ?? action.toLowerCase()})`;
}
