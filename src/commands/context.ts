import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '../domain/access/roles.js';
import { isCompanyLevel } from '../domain/access/roles.js';
import { type Permission, can } from '../domain/access/permissions.js';
import { effectivePolicy, type Policy, type PolicyOverride, policySchema } from '../domain/policy/policy.js';
import type { EngineNotice as Notice } from './tickets/kind.js';
import type { Clock } from '../domain/shared/clock.js';
import { forbidden, notFound } from '../domain/shared/errors.js';
import type { Database, Executor } from '../db/client.js';
import { insertNotifications } from '../db/repositories/notifications.js';
import { getCommunity } from '../db/repositories/org.js';
import { latestOverrides, latestOverridesOfCompany } from '../db/repositories/policy.js';
import type { TicketRow } from '../db/repositories/repair-orders.js';
import { publishLive } from '../notify/live.js';
import type { SmsSender } from '../notify/sms.js';

/** What every command needs from the outside world. */
export interface Deps {
  database: Database;
  clock: Clock;
  sms: SmsSender;
  /** Demo installs show one-time codes on screen (only with a store-only SMS provider). */
  isDemo: boolean;
}

/** A signed-in person: staff or resident. */
export interface Principal extends Actor {
  role: Role;
  department: string | null;
  /** Residents: every room of their household(s); staff: empty. */
  roomIds: string[];
  /** Residents: every resident record with their phone. */
  residentIds: string[];
  phone: string;
}

export function requirePermission(p: Principal, permission: Permission): void {
  if (!can(p.role, permission)) throw forbidden();
}

/**
 * The communities a query may cover: null means every community of the company. A community's
 * staff asking for another community are refused, not silently narrowed.
 */
export async function communityScope(ex: Executor, p: Principal, requested?: string): Promise<string[] | null> {
  if (requested) await scopedCommunity(ex, p, requested);
  return scopeOf(p, requested);
}

function scopeOf(p: Principal, requested?: string): string[] | null {
  if (isCompanyLevel(p.role)) return requested ? [requested] : null;
  if (p.role === 'resident') {
    const own = p.communityId ? [p.communityId] : [];
    if (requested && !own.includes(requested)) throw forbidden();
    return requested ? [requested] : own;
  }
  if (requested && requested !== p.communityId) throw forbidden();
  return [p.communityId!];
}

async function scopedCommunity(ex: Executor, p: Principal, id: string) {
  const community = await getCommunity(ex, id);
  if (!community || community.companyId !== p.companyId) throw notFound({ zh: '小区', en: 'Community' });
  return community;
}

/** The one community a write happens in (company-level staff must name it), read once. */
export async function writableCommunity(ex: Executor, p: Principal, requested: string) {
  const community = await scopedCommunity(ex, p, requested);
  const scope = scopeOf(p, requested);
  if (scope && !scope.includes(requested)) throw forbidden();
  return community;
}

/** The id of the one community a write happens in. */
export async function singleCommunity(ex: Executor, p: Principal, requested: string): Promise<string> {
  return (await writableCommunity(ex, p, requested)).id;
}

/**
 * Whether this person may see a ticket of a kind they hold `permission` for, by scope: their
 * company; company-level roles every community, community staff their own; residents only the
 * tickets of their households (the reporting room, the reporter, or one of the ticket's parties).
 */
export function canSeeInScope(
  p: Principal,
  t: Pick<TicketRow, 'companyId' | 'communityId' | 'roomId' | 'residentId'> & { partyRoomIds?: string[] },
  permission: Permission,
): boolean {
  if (t.companyId !== p.companyId) return false;
  if (p.role === 'resident') return isOwner(p, t);
  if (!can(p.role, permission)) return false;
  return isCompanyLevel(p.role) || t.communityId === p.communityId;
}

/** Whether this person may see this repair order at all (before any action-level rule). */
export function canSeeTicket(
  p: Principal,
  t: Pick<TicketRow, 'companyId' | 'communityId' | 'status' | 'assigneeId' | 'roomId' | 'residentId'>,
): boolean {
  if (!canSeeInScope(p, t, 'repair.view')) return false;
  if (p.role === 'technician') return t.status === 'open' || t.assigneeId === p.id;
  return true;
}

/** Whether a resident belongs to a household the ticket concerns. */
export function isOwner(p: Principal, t: Pick<TicketRow, 'roomId' | 'residentId'> & { partyRoomIds?: string[] }): boolean {
  if (p.role !== 'resident') return false;
  return (
    (t.roomId !== null && p.roomIds.includes(t.roomId)) ||
    (t.residentId !== null && p.residentIds.includes(t.residentId)) ||
    (t.partyRoomIds ?? []).some((r) => p.roomIds.includes(r))
  );
}

/**
 * The policy a ticket was created under. Read through the schema, so a number added to the policy
 * after the ticket was created takes its default instead of being missing.
 */
export const policyOf = (ticket: { policy: unknown }): Policy => policySchema.parse(ticket.policy);

/** Defaults ⊕ company override ⊕ community override. */
export async function loadPolicy(ex: Executor, companyId: string, communityId: string): Promise<Policy> {
  const { company, community } = await latestOverrides(ex, companyId, communityId);
  return effectivePolicy(company?.override as PolicyOverride | undefined, community?.override as PolicyOverride | undefined);
}

/**
 * Every community's effective policy at once (one query): for a view over many communities,
 * where reading each one's policy in turn would be a query per community.
 */
export async function loadPolicies(ex: Executor, companyId: string): Promise<(communityId: string) => Policy> {
  const rows = await latestOverridesOfCompany(ex, companyId);
  const company = rows.find((r) => r.communityId === null)?.override as PolicyOverride | undefined;
  return (communityId) => effectivePolicy(company, rows.find((r) => r.communityId === communityId)?.override as PolicyOverride | undefined);
}

/** Stores the notices a decision produced and tells the live streams. */
export async function deliverNotices(
  ex: Executor,
  ticket: Pick<TicketRow, 'id' | 'companyId' | 'communityId' | 'number'>,
  notices: Notice[],
  kind: string,
  now: Date,
): Promise<void> {
  const rows = notices.flatMap((n) =>
    // One row per person named, and one per role (read by each of its people separately).
    [...n.roles.map((role) => ({ userId: null, role })), ...n.userIds.map((userId) => ({ userId, role: null }))].map((to) => ({
      id: randomUUID(),
      companyId: ticket.companyId,
      communityId: ticket.communityId,
      ...to,
      ticketId: ticket.id,
      kind,
      titleZh: n.title.zh,
      titleEn: n.title.en,
      body: ticket.number,
      createdAt: now,
    })),
  );
  await insertNotifications(ex, rows);
  if (rows.length > 0) await publishLive(ex, { type: 'notification', companyId: ticket.companyId, communityId: ticket.communityId });
}
