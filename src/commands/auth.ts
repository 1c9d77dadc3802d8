import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, invalid } from '../domain/shared/errors.js';
import type { Role } from '../domain/access/roles.js';
import type { Executor } from '../db/client.js';
import { findResidentsByPhone, findUserByUsername, getResident, getUser, roomsOfPhone } from '../db/repositories/org.js';
import {
  deleteSession,
  findSession,
  insertLoginCode,
  insertSession,
  latestLoginCode,
  recentLoginCodes,
  updateLoginCode,
} from '../db/repositories/sessions.js';
import type { Deps, Principal } from './context.js';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** argon2id with its memory-hard defaults. */
export const hashPassword = (password: string): Promise<string> => hash(password);

const wrongLogin = () =>
  new DomainError('unauthenticated', 'wrong_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

async function newSession(ex: Executor, kind: 'staff' | 'resident', principalId: string, now: Date, hours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertSession(ex, {
    id: randomUUID(),
    tokenHash: tokenHash(token),
    principalKind: kind,
    principalId,
    expiresAt: new Date(now.getTime() + hours * 3_600_000),
    createdAt: now,
  });
  return token;
}

/** Staff sign in with username and password; returns the session token for the cookie. */
export async function loginStaff(deps: Deps, username: string, password: string, sessionHours: number): Promise<string> {
  const ex = deps.database.db;
  const user = await findUserByUsername(ex, username);
  if (!user?.isActive) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    throw wrongLogin();
  }
  const ok = await verify(user.passwordHash, password).catch(() => false);
  if (!ok) throw wrongLogin();
  return newSession(ex, 'staff', user.id, deps.clock.now(), sessionHours);
}

const codeTtlMinutes = 10;
const maxCodeAttempts = 5;
const maxCodesPerHour = 5;

/** Texts a one-time login code to a resident's phone. Unknown phones get the same answer. */
export async function requestLoginCode(deps: Deps, phone: string): Promise<{ demoCode?: string }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const people = await findResidentsByPhone(tx, phone);
    const recent = await recentLoginCodes(tx, phone, new Date(now.getTime() - 3_600_000));
    if (recent.length >= maxCodesPerHour) {
      throw new DomainError('rate_limited', 'too_many_codes', {
        zh: '验证码发送过于频繁，请稍后再试',
        en: 'Too many codes requested; try again later',
      });
    }
    if (people.length === 0) return {};
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await insertLoginCode(tx, {
      id: randomUUID(),
      phone,
      codeHash: tokenHash(`${phone}:${code}`),
      expiresAt: new Date(now.getTime() + codeTtlMinutes * 60_000),
      createdAt: now,
    });
    const first = people[0]!;
    await deps.sms.send(
      tx,
      {
        companyId: first.companyId,
        communityId: first.communityId,
        phone,
        purpose: 'login_code',
        body: `【物业服务中心】您的登录验证码为${code}，${codeTtlMinutes}分钟内有效。`,
      },
      now,
    );
    return deps.isDemo && deps.sms.isStoreOnly ? { demoCode: code } : {};
  });
}

/** Residents sign in with phone and the code; attempts are limited. */
export async function loginResident(deps: Deps, phone: string, code: string, sessionHours: number): Promise<string> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction(async (tx) => {
    const row = await latestLoginCode(tx, phone, now);
    const wrong = invalid('wrong_code', { zh: '验证码错误或已过期', en: 'Wrong or expired code' }, [
      { field: 'code', message: { zh: '验证码错误或已过期', en: 'Wrong or expired code' } },
    ]);
    if (!row || row.attempts >= maxCodeAttempts) return { error: wrong };
    if (row.codeHash !== tokenHash(`${phone}:${code}`)) {
      await updateLoginCode(tx, row.id, { attempts: row.attempts + 1 });
      return { error: wrong };
    }
    await updateLoginCode(tx, row.id, { usedAt: now });
    const people = await findResidentsByPhone(tx, phone);
    if (people.length === 0) return { error: wrong };
    return { token: await newSession(tx, 'resident', people[0]!.id, now, sessionHours) };
  });
  if ('error' in result) throw result.error;
  return result.token;
}

export async function logout(deps: Deps, token: string): Promise<void> {
  const hashed = tokenHash(token);
  recentSessions.delete(hashed);
  await deleteSession(deps.database.db, hashed);
}

/**
 * Sessions seen in the last few seconds, so a burst of requests does not look the same person
 * up again each time. A deactivated account or a sign-out elsewhere takes effect within this time.
 */
const recentSessions = new Map<string, { principal: Principal; until: number }>();
const recentSessionMs = 5_000;
const recentSessionsMax = 10_000;

/** The person behind a session cookie, or null. */
export async function resolveSession(deps: Deps, token: string): Promise<Principal | null> {
  const hashed = tokenHash(token);
  const now = deps.clock.now();
  const known = recentSessions.get(hashed);
  if (known && known.until > Date.now()) return known.principal;
  const principal = await loadPrincipal(deps, hashed, now);
  if (recentSessions.size >= recentSessionsMax) recentSessions.clear();
  if (principal) recentSessions.set(hashed, { principal, until: Date.now() + recentSessionMs });
  else recentSessions.delete(hashed);
  return principal;
}

async function loadPrincipal(deps: Deps, hashed: string, now: Date): Promise<Principal | null> {
  const ex = deps.database.db;
  const session = await findSession(ex, hashed, now);
  if (!session) return null;
  if (session.principalKind === 'staff') {
    const user = await getUser(ex, session.principalId);
    if (!user?.isActive) return null;
    return {
      kind: 'staff',
      id: user.id,
      role: user.role as Role,
      name: user.name,
      companyId: user.companyId,
      communityId: user.communityId,
      department: user.department,
      roomIds: [],
      residentIds: [],
      phone: user.phone,
    };
  }
  const resident = await getResident(ex, session.principalId);
  if (!resident) return null;
  const household = await findResidentsByPhone(ex, resident.phone);
  const rooms = await roomsOfPhone(ex, resident.phone);
  return {
    kind: 'resident',
    id: resident.id,
    role: 'resident',
    name: resident.name,
    companyId: resident.companyId,
    communityId: resident.communityId,
    department: null,
    roomIds: rooms.map((r) => r.id),
    residentIds: household.map((h) => h.id),
    phone: resident.phone,
  };
}
