import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n';

/** Desktop header button: 中文 ⇄ English, remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
      title={t('common.language')}
    >
      {t('common.switchLanguage')}
    </Button>
  );
}
