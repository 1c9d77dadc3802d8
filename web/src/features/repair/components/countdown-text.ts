import { useTranslation } from 'react-i18next';

/** "12:04", "3时05分", "2天4时": how long until (or since) a deadline. */
export function useDurationText() {
  const { t } = useTranslation();
  return (ms: number) => {
    const s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400);
    const h = Math.floor((s % 86400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    if (d > 0) return t('countdown.days', { d, h });
    if (h > 0) return t('countdown.hours', { h, m });
    return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  };
}
