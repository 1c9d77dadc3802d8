import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n';

/** Phone pages' language toggle: a compact text button for the nav bar. */
export function MobileLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="m-link-button"
      data-testid="lang-switch"
      onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('common.switchLanguage')}
    </button>
  );
}
