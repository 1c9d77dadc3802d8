import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** Every community of a company is in China; times show as Beijing time whatever the browser's zone. */
export const zone = 'Asia/Shanghai';

export function applyDateLocale(lang: 'zh-CN' | 'en'): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

/** A server time (ISO string) in Beijing time. */
export const local = (iso: string | Date): Dayjs => dayjs(iso).tz(zone);

export const formatDateTime = (iso: string | null | undefined): string => (iso ? local(iso).format('YYYY-MM-DD HH:mm') : '');
export const formatShort = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = local(iso);
  return d.isSame(dayjs().tz(zone), 'day') ? d.format('HH:mm') : d.format('MM-DD HH:mm');
};
export const fromNow = (iso: string): string => dayjs(iso).fromNow();

/** A picker value (in the browser's zone) read as Beijing wall-clock time, sent as ISO with offset. */
export function toServerTime(value: Dayjs | Date): string {
  const d = dayjs(value);
  return dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), zone).format();
}

/** The inverse of toServerTime: Beijing wall-clock time as a browser-local picker value. */
export function toPickerValue(iso: string): Dayjs {
  return dayjs(local(iso).format('YYYY-MM-DDTHH:mm:ss'));
}

export { dayjs };
