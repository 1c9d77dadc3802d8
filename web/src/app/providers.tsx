import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ConfigProvider as MobileConfigProvider } from 'antd-mobile';
import mobileEnUS from 'antd-mobile/es/locales/en-US';
import mobileZhCN from 'antd-mobile/es/locales/zh-CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommunityProvider } from './community-context';
import { LiveUpdates } from './live-updates';
import { queryClient } from './query-client';

const antTheme = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1677ff', borderRadius: 6, fontSize: 14 },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#001529' }, Table: { cellPaddingBlockSM: 6 } },
};

/** Everything every page needs: data cache, locale of both UI kits, community choice, live updates. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isEn = i18n.language === 'en';
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEn ? enUS : zhCN} theme={antTheme}>
        <MobileConfigProvider locale={isEn ? mobileEnUS : mobileZhCN}>
          <AntApp>
            <CommunityProvider>
              <LiveUpdates />
              {children}
            </CommunityProvider>
          </AntApp>
        </MobileConfigProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
