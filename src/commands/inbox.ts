import { forbidden, notFound } from '../domain/shared/errors.js';
import { listNotifications, listSms, markNotificationRead, type Recipient } from '../db/repositories/notifications.js';
import { type Deps, type Principal, requirePermission } from './context.js';

const recipient = (p: Principal): Recipient => ({ userId: p.id, role: p.role, companyId: p.companyId, communityId: p.communityId });

export async function myNotifications(deps: Deps, p: Principal) {
  if (p.role === 'resident') return { items: [], unread: 0 };
  return listNotifications(deps.database.db, recipient(p));
}

export async function readNotification(deps: Deps, p: Principal, id: string) {
  if (p.role === 'resident') throw forbidden();
  const ok = await markNotificationRead(deps.database.db, recipient(p), id, deps.clock.now());
  if (!ok) throw notFound({ zh: '通知', en: 'Notification' });
}

export async function smsOutbox(deps: Deps, p: Principal) {
  requirePermission(p, 'outbox.view');
  return listSms(deps.database.db, p.companyId);
}
