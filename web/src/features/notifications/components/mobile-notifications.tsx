import { Badge, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fromNow } from '../../../lib/datetime';
import { type Notification, useMarkNotificationRead, useNotifications } from '../api/list-notifications';

/** The phone's notifications: a count in the nav bar, a sheet with the list; a tap opens the order. */
export function MobileNotifications({ orderPath }: { orderPath: (ticketId: string) => string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data } = useNotifications();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    // The phone pages open repair orders; other kinds are followed at the desk.
    if (n.ticketId && (n.ticketKind ?? 'repair') === 'repair') navigate(orderPath(n.ticketId));
  };
  return (
    <>
      <Badge content={data?.unread ? data.unread : null} style={{ '--right': '-6px', '--top': '4px' }}>
        <button type="button" className="m-link-button" onClick={() => setOpen(true)} data-testid="notifications-bell">
          {t('notifications.short')}
        </button>
      </Badge>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '70vh', overflowY: 'auto' }}
      >
        <div className="m-sheet" data-testid="notifications-drawer">
          <div className="m-sheet-title">{t('notifications.title')}</div>
          {data?.items.length ? (
            data.items.map((n) => (
              <button
                type="button"
                key={n.id}
                className={`notice-item${n.readAt ? '' : ' is-unread'}`}
                onClick={() => openItem(n)}
                data-testid="notification-item"
              >
                <span className="notice-dot" />
                <span className="notice-main">
                  <span>{i18n.language === 'en' ? n.titleEn || n.titleZh : n.titleZh}</span>
                  {n.body ? <span className="m-muted">{n.body}</span> : null}
                  <span className="m-muted">{fromNow(n.createdAt)}</span>
                </span>
              </button>
            ))
          ) : (
            <div className="m-loading m-muted">{t('notifications.empty')}</div>
          )}
        </div>
      </Popup>
    </>
  );
}
