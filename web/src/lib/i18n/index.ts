import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyDateLocale } from '../datetime';
import { en } from './en';
import { complaintsEn, complaintsZh } from '../../features/complaints/i18n';
import { intakeEn, intakeZh } from '../../features/intake/i18n';
import { mattersEn, mattersZh } from '../../features/matters/i18n';
import { visitsEn, visitsZh } from '../../features/visits/i18n';
import { warrantyEn, warrantyZh } from '../../features/warranty/i18n';
import { patrolEn, patrolZh } from '../../features/patrol/i18n';
import { questionnairesEn, questionnairesZh } from '../../features/questionnaires/i18n';
import { arrearsEn, arrearsZh } from '../../features/arrears/i18n';
import { parkingEn, parkingZh } from '../../features/parking/i18n';
import { hotWorkEn, hotWorkZh } from '../../features/hot-work/i18n';
import { goodsPassesEn, goodsPassesZh } from '../../features/goods-passes/i18n';
import { renovationEn, renovationZh } from '../../features/renovation/i18n';
import { dashboardsEn, dashboardsZh } from '../../features/dashboards/i18n';
import { reportsEn, reportsZh } from '../../features/reports/i18n';
import { ownerVisitsEn, ownerVisitsZh } from '../../features/owner-visits/i18n';
import { type Messages as CoreMessages, zhCN } from './zh-CN';

/** The core catalogue plus each feature's own (features/<name>/i18n.ts). */
type Messages = CoreMessages & {
  complaints: typeof complaintsZh;
  intake: typeof intakeZh;
  matters: typeof mattersZh;
  visitTasks: typeof visitsZh;
  warranty: typeof warrantyZh;
  patrol: typeof patrolZh;
  questionnaires: typeof questionnairesZh;
  arrears: typeof arrearsZh;
  parking: typeof parkingZh;
  hotWork: typeof hotWorkZh;
  goodsPasses: typeof goodsPassesZh;
  renovation: typeof renovationZh;
  dashboards: typeof dashboardsZh;
  reports: typeof reportsZh;
  ownerVisits: typeof ownerVisitsZh;
};
const zh: Messages = {
  ...zhCN,
  complaints: complaintsZh,
  intake: intakeZh,
  matters: mattersZh,
  visitTasks: visitsZh,
  renovation: renovationZh,
  dashboards: dashboardsZh,
  reports: reportsZh,
  ownerVisits: ownerVisitsZh,
  goodsPasses: goodsPassesZh,
  hotWork: hotWorkZh,
  parking: parkingZh,
  arrears: arrearsZh,
  patrol: patrolZh,
  questionnaires: questionnairesZh,
  warranty: warrantyZh,
};
const english: Messages = {
  ...en,
  complaints: complaintsEn,
  intake: intakeEn,
  matters: mattersEn,
  visitTasks: visitsEn,
  renovation: renovationEn,
  dashboards: dashboardsEn,
  reports: reportsEn,
  ownerVisits: ownerVisitsEn,
  goodsPasses: goodsPassesEn,
  hotWork: hotWorkEn,
  parking: parkingEn,
  arrears: arrearsEn,
  patrol: patrolEn,
  questionnaires: questionnairesEn,
  warranty: warrantyEn,
};

export type Language = 'zh-CN' | 'en';
const storageKey = 'pd_lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const initial = storedLanguage();
applyDateLocale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: english } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and remembers it on this device. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyDateLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

/**
 * Looks up a label of a value the server sends (a status, an event type…) and falls back to the
 * raw value when the catalogue does not know it yet.
 */
export function label(group: string, value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const key = `${group}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : value;
}

export { i18n };
