import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/logout';
import { MobileLanguageSwitch } from './mobile-language-switch';

export interface MobileHeaderProps {
  title: ReactNode;
  /** Where the back arrow goes; none on a start page. */
  backTo?: string;
  /** Start pages offer sign-out. */
  canLogout?: boolean;
  loginPath?: string;
  /** Extra items before the language switch (e.g. notifications). */
  extra?: ReactNode;
}

/** The phone pages' top bar: back, title, language and sign-out. */
export function MobileHeader({ title, backTo, canLogout, loginPath = '/login', extra }: MobileHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <NavBar
      className="m-nav"
      back={backTo ? t('common.back') : null}
      onBack={backTo ? () => navigate(backTo) : undefined}
      right={
        <span className="m-nav-right">
          {extra}
          <MobileLanguageSwitch />
          {canLogout ? (
            <button
              type="button"
              className="m-link-button"
              data-testid="logout"
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate(loginPath, { replace: true }) })}
            >
              {t('common.logout')}
            </button>
          ) : null}
        </span>
      }
    >
      {title}
    </NavBar>
  );
}
