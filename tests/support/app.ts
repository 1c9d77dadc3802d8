import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Deps } from '../../src/commands/context.js';
import { type DemoSummary, demoPassword, seedDemo } from '../../src/commands/seed-demo.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { ManualClock } from '../../src/domain/shared/clock.js';
import { buildServer } from '../../src/http/server.js';
import { LiveHub } from '../../src/notify/live.js';
import { outboxSms } from '../../src/notify/sms.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';

export type Driver = 'pglite' | 'pg';

/** The PostgreSQL server tests use; CI must have it, a laptop may not. */
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | null = null;
export function isPostgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      if (process.env.CI) throw new Error(`CI requires PostgreSQL at ${serverUrl}`);
      return false;
    }
  })();
  return reachable;
}

/** The drivers this run tests against: always the embedded one, the server where reachable. */
export async function drivers(): Promise<Driver[]> {
  return (await isPostgresReachable()) ? ['pglite', 'pg'] : ['pglite'];
}

/** A fresh, empty database of its own on the PostgreSQL server; dropped by the returned function. */
export async function freshServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `propdesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      // Closed pools may take a moment to leave; forcing them out would fail their sockets.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

export interface TestApp {
  driver: Driver;
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  clock: ManualClock;
  scheduler: Scheduler;
  hub: LiveHub;
  demo: DemoSummary;
  yg: string;
  ch: string;
  /** Signs in a demo staff member; returns the cookie header. */
  login(username: string): Promise<string>;
  /** Signs in a resident by phone through the real code flow. */
  loginResident(phone: string): Promise<string>;
  call(cookie: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on a fresh database with the demo data and a clock the test moves. */
export async function startTestApp(driver: Driver, options: { dataDir?: string; url?: string; seed?: boolean } = {}): Promise<TestApp> {
  let drop: (() => Promise<void>) | null = null;
  let url = options.url;
  if (driver === 'pg' && !url) {
    const fresh = await freshServerDatabase();
    url = fresh.url;
    drop = fresh.drop;
  }
  const database = await openDatabase(driver === 'pg' ? { url, poolSize: 8 } : { dataDir: options.dataDir });
  const clock = new ManualClock('2026-11-25T09:00:00+08:00');
  const deps: Deps = { database, clock, sms: outboxSms, isDemo: true };
  const demo = await seedDemo(deps);
  const hub = new LiveHub();
  await hub.start(database);
  const app = await buildServer(
    { deps, hub, sessionHours: 24 * 365, cookieSecure: false },
    { logLevel: 'silent', serveWeb: false, rateLimitMax: 100_000 },
  );
  await app.ready();
  const scheduler = new Scheduler(deps, { pollMs: 1_000_000 });
  const cookies = new Map<string, string>();
  const cookieOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name === 'pd_session');
    if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
    return `pd_session=${c.value}`;
  };
  const t: TestApp = {
    driver,
    app,
    deps,
    database,
    clock,
    scheduler,
    hub,
    demo,
    yg: demo.communities.find((c) => c.code === 'YG')!.id,
    ch: demo.communities.find((c) => c.code === 'CH')!.id,
    async login(username) {
      const known = cookies.get(username);
      if (known) return known;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
      const cookie = cookieOf(res);
      cookies.set(username, cookie);
      return cookie;
    },
    async loginResident(phone) {
      const known = cookies.get(phone);
      if (known) return known;
      const sent = await app.inject({ method: 'POST', url: '/api/auth/resident/request-code', payload: { phone } });
      const code = sent.json().demoCode as string;
      const res = await app.inject({ method: 'POST', url: '/api/auth/resident/login', payload: { phone, code } });
      const cookie = cookieOf(res);
      cookies.set(phone, cookie);
      return cookie;
    },
    call(cookie, o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(cookie ? { cookie } : {}) } });
    },
    async close() {
      await scheduler.stop();
      await app.close();
      await hub.close();
      await database.close();
      await drop?.();
    },
  };
  return t;
}
