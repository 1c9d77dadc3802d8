import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.js';
import { insertSms } from '../db/repositories/notifications.js';

export interface SmsMessage {
  companyId: string | null;
  communityId: string | null;
  phone: string;
  body: string;
  purpose: 'login_code' | 'repair_code' | 'notice';
}

/**
 * Sends text messages. Messages are written in the caller's transaction, so a rolled-back action
 * sends nothing; a vendor adapter delivers `queued` rows after commit.
 */
export interface SmsSender {
  readonly provider: string;
  /** True when messages are only stored, never delivered (demo and test installs). */
  readonly isStoreOnly: boolean;
  send(ex: Executor, message: SmsMessage, now: Date): Promise<void>;
}

/** The default provider: keeps every message in the outbox for the admin to read. */
export const outboxSms: SmsSender = {
  provider: 'outbox',
  isStoreOnly: true,
  async send(ex, m, now) {
    await insertSms(ex, { id: randomUUID(), ...m, status: 'stored', provider: 'outbox', createdAt: now, sentAt: null });
  },
};
