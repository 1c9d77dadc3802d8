import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** The maintenance database the bench connects to for creating and dropping its own database. */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function isReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Settings that decide the cost of a commit, for the report. */
export async function serverFacts(): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; s: string; f: string; c: string }>(
      `select current_setting('server_version') v, current_setting('synchronous_commit') s,
              current_setting('fsync') f, current_setting('max_connections') c`,
    );
    const r = rows[0]!;
    return `PostgreSQL ${r.v}, synchronous_commit=${r.s}, fsync=${r.f}, max_connections=${r.c}`;
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for this run; `drop` removes it (forcing out any stray connection). */
export async function createBenchDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `propdesk_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Rows inserted / updated and transactions committed in a database so far (cumulative statistics). */
export async function writeCounters(url: string): Promise<{ inserted: number; updated: number; commits: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ins: string; upd: string; xact: string }>(
      `select tup_inserted ins, tup_updated upd, xact_commit xact from pg_stat_database where datname = current_database()`,
    );
    const r = rows[0]!;
    return { inserted: Number(r.ins), updated: Number(r.upd), commits: Number(r.xact) };
  } finally {
    await client.end();
  }
}

export interface RawInsertResult {
  clients: number;
  inserts: number;
  seconds: number;
  latencies: number[];
}

/**
 * The floor under any API figure: `clients` connections each inserting one row per statement
 * (autocommit, so one WAL flush per row, shared by group commit) into a plain logged table, for
 * `seconds`. A temporary table would skip the WAL and flatter the server.
 */
export async function rawInsertRate(url: string, clients: number, seconds: number, maxInserts = 2_000_000): Promise<RawInsertResult> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    'create table if not exists bench_raw (id bigserial primary key, created_at timestamptz not null default now(), payload text not null)',
  );
  await setup.end();
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let inserts = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  try {
    await Promise.all(
      conns.map(async (c, k) => {
        while (performance.now() < end && inserts < maxInserts) {
          const t = performance.now();
          await c.query({ name: 'bench_raw_insert', text: 'insert into bench_raw (payload) values ($1)', values: [`client ${k}`] });
          latencies.push(performance.now() - t);
          inserts++;
        }
      }),
    );
  } finally {
    await Promise.all(conns.map((c) => c.end().catch(() => undefined)));
  }
  return { clients, inserts, seconds: (performance.now() - start) / 1000, latencies };
}

/** pgbench's figure for the same one-row insert, or null when pgbench is not installed. */
export async function pgbenchRate(url: string, clients: number, seconds: number): Promise<{ tps: number; latencyMs: number } | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'propdesk-pgbench-'));
  const script = path.join(dir, 'insert.sql');
  writeFileSync(script, "insert into bench_raw (payload) values ('pgbench');\n");
  try {
    const out = await new Promise<string | null>((resolve) => {
      execFile(
        'pgbench',
        ['-n', '-c', String(clients), '-j', String(Math.max(1, os.cpus().length)), '-T', String(seconds), '-f', script, url],
        { timeout: (seconds + 30) * 1000, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error) {
            const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
            resolve(missing ? null : `error: ${stderr || error.message}`);
          } else resolve(stdout);
        },
      );
    });
    if (out === null) return null;
    const tps = Number(out.match(/tps = ([\d.]+)/)?.[1]);
    const latencyMs = Number(out.match(/latency average = ([\d.]+) ms/)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`could not read pgbench output: ${out.slice(0, 500)}`);
    return { tps, latencyMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Samples what the database's sessions are doing every `everyMs` until stopped; returns the
 * share of session-samples per state (active on CPU, waiting on a lock, idle in a transaction…).
 */
export function sampleSessions(url: string, everyMs = 200): { stop: () => Promise<{ samples: number; top: string }> } {
  const client = new pg.Client({ connectionString: url });
  // The database may be dropped under it when the bench is interrupted.
  client.on('error', () => undefined);
  const tally = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ what: string }>(
        `select case when state = 'active' and wait_event is null then 'active (cpu)'
                     when state = 'active' then 'active, waiting ' || wait_event_type || ':' || wait_event
                     else state end as what
           from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      for (const r of rows) tally.set(r.what, (tally.get(r.what) ?? 0) + 1);
      samples++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
      const total = [...tally.values()].reduce((a, b) => a + b, 0) || 1;
      const top = [...tally.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([k, v]) => `${k} ${((v / total) * 100).toFixed(0)}%`)
        .join(', ');
      return { samples, top };
    },
  };
}
