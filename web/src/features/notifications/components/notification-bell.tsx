import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime, fromNow } from '../../../lib/datetime';
import { type Notification, useMarkNotificationRead, useNotifications } from '../api/list-notifications';
import { ticketPath } from '../../../lib/ticket-path';

/** Header bell with the unread count; the drawer lists notifications, a click opens the order. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data, isPending } = useNotifications();
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.ticketId) {
      setOpen(false);
      navigate(ticketPath(n.ticketKind, n.ticketId));
    }
  };

  return (
    <>
      <Badge count={data?.unread ?? 0} size="small" offset={[-4, 4]} data-testid="notifications-count">
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => setOpen(true)}
          data-testid="notifications-bell"
          aria-label={t('header.notifications')}
        />
      </Badge>
      <Drawer title={t('notifications.title')} open={open} onClose={() => setOpen(false)} size={400} data-testid="notifications-drawer">
        {isPending ? (
          <Spin />
        ) : !data?.items.length ? (
          <Empty description={t('notifications.empty')} />
        ) : (
          <div className="notice-list">
            {data.items.map((n) => (
              <button
                type="button"
                key={n.id}
                className={`notice-item${n.readAt ? '' : ' is-unread'}`}
                onClick={() => openItem(n)}
                data-testid="notification-item"
              >
                <span className="notice-dot" />
                <span className="notice-main">
                  <Typography.Text strong={!n.readAt}>{i18n.language === 'en' ? n.titleEn || n.titleZh : n.titleZh}</Typography.Text>
                  {n.body ? (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {n.body}
                    </Typography.Paragraph>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(n.createdAt)}>
                    {fromNow(n.createdAt)}
                  </Typography.Text>
                </span>
              </button>
            ))}
          </div>
        )}
      </Drawer>
    </>
  );
}
