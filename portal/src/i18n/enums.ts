import type {
  AccessorKind,
  ApplicationStatus,
  ConsentStatus,
  DeadlineUnit,
  DocumentSupply,
  DraftDocumentStatus,
  FeeKind,
  ReceiptSupply,
  RecipientKind,
  RegistryName,
  ServiceActionKind,
  ServiceChannel,
} from '../generated/graphql.js';
import type { Language } from './language.js';

/**
 * The graph's enum values in the three languages. Typed by the generated schema types, so a value the
 * graph adds without a label here fails the type check instead of showing a raw code.
 */
type Labels<T extends string> = Record<T, Record<Language, string>>;

export const STATUS: Labels<ApplicationStatus> = {
  SUBMITTED: { kk: 'Берілді', ru: 'Подано', en: 'Submitted' },
  IN_REVIEW: { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'In review' },
  ISSUED: { kk: 'Берілді (шешім)', ru: 'Выдано', en: 'Issued' },
  REFUSED: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Refused' },
  DEEMED_ISSUED: { kk: 'Берілген деп есептеледі', ru: 'Считается выданным', en: 'Deemed issued' },
};

export const ACTION: Labels<ServiceActionKind> = {
  ISSUE: { kk: 'Беру', ru: 'Выдача', en: 'Issue' },
  REISSUE: { kk: 'Қайта ресімдеу', ru: 'Переоформление', en: 'Reissue' },
  DUPLICATE: { kk: 'Телнұсқа', ru: 'Дубликат', en: 'Duplicate' },
  ANNEX: { kk: 'Қосымша', ru: 'Приложение', en: 'Annex' },
  REGISTRATION: { kk: 'Тіркеу', ru: 'Регистрация', en: 'Registration' },
  REREGISTRATION: { kk: 'Қайта тіркеу', ru: 'Перерегистрация', en: 'Re-registration' },
  PERMIT: { kk: 'Рұқсат', ru: 'Разрешение', en: 'Permit' },
  CONCLUSION: { kk: 'Қорытынды', ru: 'Заключение', en: 'Conclusion' },
  ATTESTATION: { kk: 'Аттестаттау', ru: 'Аттестация', en: 'Attestation' },
  QUALIFICATION_ATTESTATION: { kk: 'Біліктілік аттестаттауы', ru: 'Квалификационная аттестация', en: 'Qualification attestation' },
  CERTIFICATE: { kk: 'Сертификат', ru: 'Сертификат', en: 'Certificate' },
};

export const RECIPIENT: Labels<RecipientKind> = {
  INDIVIDUAL: { kk: 'Жеке тұлға', ru: 'Физическое лицо', en: 'Individual' },
  LEGAL_ENTITY: { kk: 'Заңды тұлға', ru: 'Юридическое лицо', en: 'Legal entity' },
  INDIVIDUAL_ENTREPRENEUR: { kk: 'Жеке кәсіпкер', ru: 'Индивидуальный предприниматель', en: 'Individual entrepreneur' },
  FOREIGN_STATE_BODY: { kk: 'Шетелдік мемлекеттік орган', ru: 'Иностранный государственный орган', en: 'Foreign state body' },
};

/** Registries by their own (Russian) names, which is how every portal in Kazakhstan names them. */
export const REGISTRY: Labels<RegistryName> = {
  INDIVIDUALS: { kk: 'ЖТ МДҚ', ru: 'ГБД ФЛ', en: 'ГБД ФЛ' },
  LEGAL_ENTITIES: { kk: 'ЗТ МДҚ', ru: 'ГБД ЮЛ', en: 'ГБД ЮЛ' },
  PAYMENTS: { kk: 'ЭҮТШ', ru: 'ПШЭП', en: 'ПШЭП' },
  LICENSING: { kk: 'Е-лицензиялау', ru: 'Е-лицензирование', en: 'Е-лицензирование' },
};

export const REGISTRY_ROLE: Labels<RegistryName> = {
  INDIVIDUALS: { kk: 'жеке тұлғалардың мемлекеттік деректер қоры', ru: 'государственная база данных физических лиц', en: 'state database of individuals' },
  LEGAL_ENTITIES: {
    kk: 'заңды тұлғалардың мемлекеттік деректер қоры',
    ru: 'государственная база данных юридических лиц',
    en: 'state database of legal entities',
  },
  PAYMENTS: { kk: 'электрондық үкіметтің төлем шлюзі', ru: 'платёжный шлюз электронного правительства', en: 'e-government payment gateway' },
  LICENSING: { kk: 'лицензиялар тізілімі', ru: 'реестр лицензий', en: 'licence register' },
};

/** The graph's error extensions name registries in lower case (individuals, legal-entities …). */
export function registryFromExtension(name: string): RegistryName | null {
  const upper = name.toUpperCase().replace(/-/g, '_');
  return upper in REGISTRY ? (upper as RegistryName) : null;
}

export const FEE_KIND: Labels<FeeKind> = {
  FREE: { kk: 'Тегін', ru: 'Бесплатно', en: 'Free' },
  LICENCE_FEE: { kk: 'Лицензиялық алым', ru: 'Лицензионный сбор', en: 'Licence fee' },
  BY_CONTRACT: { kk: 'Шарт бойынша', ru: 'По договору', en: 'By contract' },
  STATE_DUTY: { kk: 'Мемлекеттік баж', ru: 'Государственная пошлина', en: 'State duty' },
};

export const DEADLINE_UNIT: Labels<DeadlineUnit> = {
  WORKING_DAYS: { kk: 'жұмыс күні', ru: 'рабочих дней', en: 'working days' },
  CALENDAR_DAYS: { kk: 'күнтізбелік күн', ru: 'календарных дней', en: 'calendar days' },
  CONTRACT: { kk: 'шарт бойынша', ru: 'по договору', en: 'per contract' },
  NOT_STATED: { kk: 'көрсетілмеген', ru: 'не указан', en: 'not stated' },
};

export const SUPPLY: Labels<DocumentSupply> = {
  ATTACH: { kk: 'Сіз скан жүктейсіз', ru: 'Вы прикладываете скан', en: 'You attach a scan' },
  REGISTRY: { kk: 'Тізілімнен алынады', ru: 'Берётся из реестра', en: 'Taken from a registry' },
  AUTHORITY: { kk: 'Орган өзі алады', ru: 'Орган получает сам', en: 'The authority obtains it' },
};

export const DRAFT_DOCUMENT: Labels<DraftDocumentStatus> = {
  ATTACH_NEEDED: { kk: 'Скан қажет', ru: 'Нужен скан', en: 'Scan needed' },
  FROM_REGISTRY: { kk: 'Тізілімнен', ru: 'Из реестра', en: 'From the registry' },
  REGISTRY_UNAVAILABLE: { kk: 'Тізілім растай алмайды', ru: 'Реестр не может подтвердить', en: 'The registry cannot vouch for it' },
  BY_AUTHORITY: { kk: 'Орган алады', ru: 'Получает орган', en: 'Obtained by the authority' },
  FILLED_ONLINE: { kk: 'Осы нысан', ru: 'Эта форма', en: 'This form' },
  SCAN_INSTEAD: { kk: 'Тізілім жауап бермейді: орнына скан', ru: 'Реестр не отвечает: вместо него скан', en: 'Registry down: a scan instead' },
};

export const RECEIPT_SUPPLY: Labels<ReceiptSupply> = {
  ATTACHED: { kk: 'Скан жүктелді', ru: 'Скан приложен', en: 'Scan attached' },
  FROM_REGISTRY: { kk: 'Тізілімнен', ru: 'Из реестра', en: 'From the registry' },
  BY_AUTHORITY: { kk: 'Орган алады', ru: 'Получает орган', en: 'Obtained by the authority' },
  FILLED_ONLINE: { kk: 'Онлайн толтырылды', ru: 'Заполнено онлайн', en: 'Filled in online' },
  SCAN_INSTEAD: { kk: 'Тізілім орнына скан', ru: 'Скан вместо реестра', en: 'Scan in place of the registry' },
};

export const CHANNEL: Labels<ServiceChannel> = {
  OFFICE: { kk: 'Орган кеңсесі', ru: 'Канцелярия органа', en: "Authority's office" },
  EGOV_PORTAL: { kk: 'eGov порталы', ru: 'Портал eGov', en: 'eGov portal' },
  ELICENSE_PORTAL: { kk: 'elicense.kz', ru: 'elicense.kz', en: 'elicense.kz' },
  PSC: { kk: 'ХҚКО', ru: 'ЦОН', en: 'Public service centre (ЦОН)' },
  POST: { kk: 'Пошта', ru: 'Почта', en: 'Post' },
};

export const CONSENT_STATUS: Labels<ConsentStatus> = {
  ACTIVE: { kk: 'Әрекет етеді', ru: 'Действует', en: 'Active' },
  NOT_YET_VALID: { kk: 'Әлі басталмаған', ru: 'Ещё не действует', en: 'Not yet in force' },
  EXPIRED: { kk: 'Мерзімі өтті', ru: 'Истекло', en: 'Expired' },
  WITHDRAWN: { kk: 'Кері қайтарылды', ru: 'Отозвано', en: 'Withdrawn' },
};

export const ACCESSOR: Labels<AccessorKind> = {
  CITIZEN: { kk: 'Сіз', ru: 'Вы', en: 'You' },
  PORTAL: { kk: 'Портал', ru: 'Портал', en: 'Portal' },
  OFFICER: { kk: 'Қызметкер', ru: 'Сотрудник', en: 'Officer' },
  PARTNER: { kk: 'Серіктес жүйе', ru: 'Система-партнёр', en: 'Partner system' },
};
