/**
 * Dashboard bench: the dashboards' queries on a large history. Creates a fresh database on the
 * PostgreSQL server, migrates it, generates ≥ 1,000,000 repair orders over 200 communities with
 * set-based SQL (bench/dashboard-history.ts), then calls the dashboard query functions the way
 * the routes do and prints p50/p99/max per query. Prints figures; asserts nothing about time.
 * See bench/README.md.
 *
 *   npm run bench:dashboard
 *   BENCH_DASHBOARD_ORDERS=1000000 BENCH_DASHBOARD_COMMUNITIES=200 BENCH_DASHBOARD_REPEAT=10 …
 *   BENCH_DASHBOARD_KEEP=1 (keep the database) / BENCH_DASHBOARD_REUSE=<url> (query a kept one)
 */
import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import type { Deps, Principal } from '../src/commands/context.js';
import {
  communityComparison,
  dailyCounts,
  type DashboardPeriod,
  dashboardOf,
  repairsByBuilding,
  repairsByCategory,
  serviceRates,
  stepDurations,
  technicianWorkload,
  timerPunctuality,
} from '../src/commands/dashboards/query-dashboard.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { outboxSms } from '../src/notify/sms.js';
import { findHistory, type GeneratedHistory, generateHistory } from './dashboard-history.js';
import { percentile } from './http.js';
import { createBenchDatabase, isReachable, serverFacts } from './raw-pg.js';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const orders = num('BENCH_DASHBOARD_ORDERS', 1_000_000);
const communityCount = num('BENCH_DASHBOARD_COMMUNITIES', 200);
const repeat = num('BENCH_DASHBOARD_REPEAT', 10);
const warmup = num('BENCH_DASHBOARD_WARMUP', 1);
/** A query stops repeating once it has used this many seconds (slow cases get fewer samples). */
const budgetSeconds = num('BENCH_DASHBOARD_BUDGET_S', 10);
const complaintRate = num('BENCH_DASHBOARD_COMPLAINT_RATE', 0.01);
/** The end of the generated history, and the dashboards' "now". */
const now = new Date(process.env.BENCH_DASHBOARD_NOW ?? '2026-11-25T10:00:00+08:00');
const historyDays = 730;
/** Keep the bench database afterwards (its name is printed), e.g. to try indexes on it. */
const keep = process.env.BENCH_DASHBOARD_KEEP === '1';
/** Query a database kept by an earlier run instead of generating a new one. */
const reuse = process.env.BENCH_DASHBOARD_REUSE;

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ── statement capture: which SQL a dashboard call sends, and how long each statement takes ──

interface Statement {
  text: string;
  values: unknown[];
  ms: number;
}
let capture: Statement[] | null = null;
const poolQuery = pg.Pool.prototype.query;
// Drizzle sends every statement through the pool's promise form `query(config, values)`.
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const result = (poolQuery as (...a: unknown[]) => unknown).apply(this, args);
  // Drizzle passes the parameters as the second argument, next to a config object.
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : typeof config === 'string' ? [] : (config.values ?? []);
  if (capture && result instanceof Promise) {
    const started = performance.now();
    const into = capture;
    return result.then((value: unknown) => {
      into.push({
        text: typeof config === 'string' ? config : (config.text ?? ''),
        values,
        ms: performance.now() - started,
      });
      return value;
    });
  }
  return result;
} as typeof pg.Pool.prototype.query;

interface Case {
  name: string;
  run: () => Promise<unknown>;
}

interface Figures {
  name: string;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  statements: number;
  slowest: Statement | null;
}

async function measure(c: Case): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await c.run();
  const times: number[] = [];
  const started = performance.now();
  let statements: Statement[] = [];
  for (let i = 0; i < repeat; i++) {
    const sample: Statement[] = [];
    capture = sample;
    const t0 = performance.now();
    try {
      await c.run();
    } finally {
      capture = null;
    }
    times.push(performance.now() - t0);
    if (i === 0) statements = sample;
    if ((performance.now() - started) / 1000 > budgetSeconds) break;
  }
  const slowest = statements.reduce<Statement | null>((a, s) => (a === null || s.ms > a.ms ? s : a), null);
  return {
    name: c.name,
    samples: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    statements: statements.length,
    slowest,
  };
}

/** The local month [from, to) before the one `at` falls in, and the twelve months before `at`'s month. */
function periods(at: Date): { month: { from: Date; to: Date }; year: { from: Date; to: Date } } {
  // Asia/Shanghai has no daylight saving: local midnight is 16:00 UTC of the day before.
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const start = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - 8 * 3_600_000);
  return { month: { from: start(y, m - 1), to: start(y, m) }, year: { from: start(y - 1, m), to: start(y, m) } };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(r))].join('\n');
}

/** Inlines a statement's parameters so EXPLAIN can run it as text. */
function inline(s: Statement): string {
  return s.text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = s.values[Number(n) - 1];
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return pg.escapeLiteral(v instanceof Date ? v.toISOString() : String(v));
  });
}

export async function runDashboardBench(): Promise<void> {
  const started = Date.now();
  const cpu = os.cpus();
  console.log(`propdesk dashboard bench — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
  );
  const loadStart = loadAverage();
  console.log(`load average ${loadStart} (others' work on the machine slows every figure below)`);
  if (!(await isReachable())) {
    console.log('PostgreSQL not reachable: dashboard bench skipped (set BENCH_DATABASE_URL to point at one)');
    return;
  }
  const facts = await serverFacts();
  const bench = reuse ? reusedDatabase(reuse) : await createBenchDatabase();
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (keep || reuse) {
      log(`kept ${bench.name}: ${bench.url}`);
      return;
    }
    await bench.drop();
    log(`dropped ${bench.name}`);
  };
  const onSignal = () => {
    console.error('\ninterrupted: removing the bench database');
    void drop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    log(`fresh database ${bench.name} (${facts}); migrating`);
    const database = await openDatabase({ url: bench.url, poolSize: 4 });
    try {
      const genStarted = performance.now();
      let history: GeneratedHistory;
      if (reuse) {
        log(`reusing the history in ${bench.name}`);
        history = await findHistory(bench.url);
      } else {
        log(
          `generating ${orders.toLocaleString('en')} repair orders over ${communityCount} communities, ${historyDays} days to ${now.toISOString()}`,
        );
        history = await generateHistory(bench.url, { orders, communities: communityCount, now, days: historyDays, complaintRate }, log);
      }
      const genSeconds = (performance.now() - genStarted) / 1000;
      const size = await databaseSize(bench.url);
      log(`${reuse ? 'found the history' : 'generated'} in ${genSeconds.toFixed(0)} s; database ${size}`);

      const deps: Deps = { database, clock: new ManualClock(now), sms: outboxSms, isDemo: false };
      const manager: Principal = {
        kind: 'staff',
        id: history.managerId,
        role: 'company_manager',
        name: history.managerName,
        companyId: history.companyId,
        communityId: null,
        department: 'management',
        roomIds: [],
        residentIds: [],
        phone: '',
      };
      const { month, year } = periods(now);
      const scopes: [string, DashboardPeriod][] = [
        ['community × month', { communityId: history.busiestCommunityId, ...month }],
        ['community × year', { communityId: history.busiestCommunityId, ...year }],
        ['company × month', month],
        ['company × year', year],
      ];
      const panels: [string, (d: Deps, p: Principal, period: DashboardPeriod) => Promise<unknown>][] = [
        ['dailyCounts', dailyCounts],
        ['repairsByCategory', repairsByCategory],
        ['repairsByBuilding', repairsByBuilding],
        ['technicianWorkload', technicianWorkload],
        ['stepDurations', stepDurations],
        ['timerPunctuality', timerPunctuality],
        ['serviceRates', serviceRates],
        ['communityComparison', communityComparison],
      ];
      const cases: Case[] = [];
      for (const [label, period] of scopes) cases.push({ name: `dashboardOf — ${label}`, run: () => dashboardOf(deps, manager, period) });
      for (const [label, period] of scopes.slice(0, 3)) {
        for (const [panel, fn] of panels) cases.push({ name: `${panel} — ${label}`, run: () => fn(deps, manager, period) });
      }

      log(`querying: ${cases.length} cases, ${warmup} warm-up + up to ${repeat} measured calls each (at most ${budgetSeconds} s a case)`);
      const queryStarted = performance.now();
      const figures: Figures[] = [];
      for (const c of cases) {
        const f = await measure(c);
        figures.push(f);
        log(`  ${c.name}: p50 ${f1(f.p50)} ms, p99 ${f1(f.p99)} ms (${f.samples} calls, ${f.statements} statements a call)`);
      }
      const querySeconds = (performance.now() - queryStarted) / 1000;

      console.log(`\n${facts}; database ${size}`);
      console.log(
        `history: ${Object.entries(history.rows)
          .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
          .join(', ')}`,
      );
      console.log(`generation ${genSeconds.toFixed(0)} s (${history.steps.map(([n, s]) => `${n} ${s.toFixed(0)}`).join(', ')})`);
      console.log(`month = ${month.from.toISOString()} … ${month.to.toISOString()}, year = ${year.from.toISOString()} … (12 months)\n`);
      console.log(
        table(
          figures.map((f) => [
            f.name,
            f1(f.p50),
            f1(f.p99),
            f1(f.max),
            String(f.samples),
            String(f.statements),
            f1(f.slowest?.ms ?? Number.NaN),
          ]),
          ['query (busiest community / whole company)', 'p50 ms', 'p99 ms', 'max ms', 'calls', 'stmts', 'slowest stmt ms'],
        ),
      );

      const worst = figures.reduce((a, f) => (f.p50 > a.p50 ? f : a));
      if (worst.slowest) {
        const plan = await explain(bench.url, worst.slowest);
        console.log(`\nslowest query: ${worst.name}; its slowest statement (${f1(worst.slowest.ms)} ms):`);
        console.log(`  ${worst.slowest.text.replace(/\s+/g, ' ').slice(0, 400)}`);
        console.log('EXPLAIN (ANALYZE, BUFFERS), top of the plan:');
        console.log(
          plan
            .slice(0, 25)
            .map((l) => `  ${l}`)
            .join('\n'),
        );
      }
      console.log(`\nqueries ${querySeconds.toFixed(0)} s; total dashboard bench ${((Date.now() - started) / 1000).toFixed(0)} s`);
      console.log(`load average at start / end: ${loadStart} / ${loadAverage()}`);
    } finally {
      await database.close();
    }
  } finally {
    await drop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function reusedDatabase(url: string): { name: string; url: string; drop: () => Promise<void> } {
  return { name: new URL(url).pathname.slice(1), url, drop: async () => undefined };
}

async function databaseSize(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) size`);
    return rows[0]!.size;
  } finally {
    await c.end();
  }
}

async function explain(url: string, s: Statement): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${inline(s)}`);
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    await c.end();
  }
}

const only = process.env.BENCH_ONLY;
if (only && only !== 'dashboard') {
  console.log(`BENCH_ONLY=${only}: dashboard bench skipped`);
} else {
  runDashboardBench().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
