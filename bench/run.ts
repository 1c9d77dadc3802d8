/**
 * Throughput bench: order creation and contended grabs through the HTTP API, on the embedded
 * database (PGlite) and on the PostgreSQL server, next to the server's raw one-row insert rate.
 * Prints figures; asserts nothing about time. See bench/README.md.
 *
 *   npm run bench                      both drivers (PostgreSQL skipped when unreachable)
 *   BENCH_ONLY=pglite npm run bench    one driver (pglite | pg), no dashboard case
 *   BENCH_ONLY=throughput / dashboard  only this bench or only the dashboard one (bench/dashboard.ts)
 *   BENCH_WARMUP_S / BENCH_MEASURE_S / BENCH_GRAB_S / BENCH_RAW_S   change the windows
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Client, drive, login, percentile, type Reply } from './http.js';
import { cpuMeter, killAll, memoryOf, runCli, serverEnv, startServer } from './proc.js';
import {
  createBenchDatabase,
  isReachable,
  pgbenchRate,
  type RawInsertResult,
  rawInsertRate,
  sampleSessions,
  serverFacts,
} from './raw-pg.js';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const warmupS = num('BENCH_WARMUP_S', 8);
const measureS = num('BENCH_MEASURE_S', 15);
const grabS = num('BENCH_GRAB_S', 15);
const rawS = num('BENCH_RAW_S', 10);
const only = process.env.BENCH_ONLY;

/** The demo data's password (src/commands/seed-demo.ts); the bench users get it too. */
const password = 'demo1234';
const createConnections = 50;
/** yg.tech1..3 come with the demo data; the bench adds yg.tech4..6 through `create-user`. */
const technicians = ['yg.tech1', 'yg.tech2', 'yg.tech3', 'yg.tech4', 'yg.tech5', 'yg.tech6'];
const extraTechnicians = technicians.slice(3);
const connectionsPerTechnician = 8;
const maxGrabOrders = 3000;
const rawClients = 50;

type Driver = 'pglite' | 'pg';

interface DriverFigures {
  driver: Driver;
  startSeconds: number;
  idleRssMb: number;
  create: {
    perSecond: number;
    p50: number;
    p99: number;
    measured: number;
    total: number;
    failures: string;
    cpu: { serverPct: number; postgresPct: number; loadGenPct: number; otherPct: number };
    sessions: string | null;
    timeline: number[];
  };
  rowsPerOrder: number | null;
  grab: {
    orders: number;
    attempts: number;
    attemptsPerSecond: number;
    grabsPerSecond: number;
    p50: number;
    p99: number;
    ok: number;
    taken: number;
    other: string;
    oneWinner: boolean;
    zeroWinner: number;
    multiWinner: number;
    spotChecked: string;
    winsByTech: string;
    cpu: { serverPct: number; postgresPct: number; loadGenPct: number; otherPct: number };
    sessions: string | null;
  };
  rssMb: number;
  peakMb: number;
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function otherStatuses(statuses: Record<string, number>, expected: string[]): string {
  const rest = Object.entries(statuses).filter(([k]) => !expected.includes(k));
  return rest.length === 0 ? 'none' : rest.map(([k, v]) => `${v}×${k}`).join(', ');
}

function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Rows in every table of the public schema (exact counts; the tables are small). */
async function rowCounts(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(`select table_name t from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`);
    let total = 0;
    for (const { t } of rows) {
      const r = await c.query<{ n: string }>(`select count(*) n from ${pg.escapeIdentifier(t)}`);
      total += Number(r.rows[0]!.n);
    }
    return total;
  } finally {
    await c.end();
  }
}

async function benchDriver(driver: Driver, target: { url?: string; dataDir?: string }): Promise<DriverFigures> {
  const env = serverEnv(target.url);
  const dirArgs = target.dataDir ? ['--data-dir', target.dataDir] : [];
  log(`${driver}: seeding demo data and adding ${extraTechnicians.join(', ')} through the CLI`);
  await runCli(['seed', ...dirArgs], env);
  for (const [k, username] of extraTechnicians.entries()) {
    // Sequential: an embedded data directory can be open in one process only.
    await runCli(
      [
        'create-user',
        '--username',
        username,
        '--password',
        password,
        '--role',
        'technician',
        '--name',
        `压测师傅${k + 4}`,
        '--community-code',
        'YG',
        ...dirArgs,
      ],
      env,
    );
  }
  log(`${driver}: starting the server`);
  const server = await startServer(['--seed-demo', ...dirArgs], env);
  const client = new Client(server.port, createConnections);
  try {
    const idle = memoryOf(server.pid);
    log(`${driver}: server pid ${server.pid} on 127.0.0.1:${server.port}, healthy after ${server.startSeconds.toFixed(1)} s`);

    // 1. Orders created per second.
    const clerk = await login(client, 'yg.clerk', password);
    const me = JSON.parse((await client.request('GET', '/api/me', { cookie: clerk })).body) as { communityId: string };
    const roomsRes = await client.request('GET', `/api/rooms?communityId=${me.communityId}`, { cookie: clerk });
    const rooms = (JSON.parse(roomsRes.body) as { id: string; residents: { id: string; name: string; phone: string }[] }[]).filter(
      (r) => r.residents.length > 0,
    );
    if (rooms.length === 0) throw new Error(`no occupied rooms: ${roomsRes.status} ${roomsRes.body.slice(0, 200)}`);
    const created: string[] = [];
    const rowsBefore = target.url ? await rowCounts(target.url) : 0;
    log(`${driver}: creating orders, ${createConnections} connections, ${warmupS} s warm-up + ${measureS} s measured`);
    const createCpu = cpuMeter(server.pid);
    const createSessions = target.url ? sampleSessions(target.url) : null;
    const create = await drive({
      concurrency: createConnections,
      warmupMs: warmupS * 1000,
      measureMs: measureS * 1000,
      maxRequests: 500_000,
      okStatus: 201,
      send: (i) => {
        const room = rooms[i % rooms.length]!;
        const person = room.residents[0]!;
        return client.request('POST', '/api/repair-orders', {
          cookie: clerk,
          body: {
            communityId: me.communityId,
            roomId: room.id,
            residentId: person.id,
            reporterName: person.name,
            reporterPhone: person.phone,
            category: 'plumbing',
            area: 'in_home',
            urgency: 'normal',
            timing: 'immediate',
            content: `压测报修 #${i}：厨房水管漏水`,
          },
        });
      },
      onReply: (_i, reply) => {
        if (reply.status === 201) created.push((JSON.parse(reply.body) as { id: string }).id);
      },
    });
    const createCpuUse = createCpu();
    if (create.statuses['429'])
      log(`${driver}: WARNING the server answered 429: does \`serve\` still honour RATE_LIMIT_PER_MINUTE? The figures below are not valid`);
    const createSessionUse = createSessions ? (await createSessions.stop()).top : null;
    const totalCreated = create.statuses['201'] ?? 0;
    const rowsPerOrder = target.url && totalCreated > 0 ? ((await rowCounts(target.url)) - rowsBefore) / totalCreated : null;
    const createFigures = {
      perSecond: create.measuredOk / create.measuredSeconds,
      p50: percentile(create.latencies, 50),
      p99: percentile(create.latencies, 99),
      measured: create.measuredOk,
      total: totalCreated,
      failures: otherStatuses(create.statuses, ['201']),
      cpu: createCpuUse,
      sessions: createSessionUse,
      timeline: create.timeline,
    };
    log(
      `${driver}: ${createFigures.perSecond.toFixed(0)} orders/s, p50 ${createFigures.p50.toFixed(1)} ms, p99 ${createFigures.p99.toFixed(1)} ms (${totalCreated} created, failures: ${createFigures.failures}${create.firstError ? `; first: ${create.firstError}` : ''})`,
    );

    // 2. Grabs under contention: every technician tries every order, the attempts on one order
    // sent back to back in a random technician order.
    const techs: { username: string; cookie: string; id: string }[] = [];
    for (const username of technicians) {
      const cookie = await login(client, username, password);
      const tme = JSON.parse((await client.request('GET', '/api/me', { cookie })).body) as { id: string };
      techs.push({ username, cookie, id: tme.id });
    }
    const orders = created.slice(0, maxGrabOrders);
    const tasks: { order: number; tech: number }[] = [];
    for (let o = 0; o < orders.length; o++) {
      for (const t of shuffled(techs.map((_, k) => k))) tasks.push({ order: o, tech: t });
    }
    const wins = new Array<number>(orders.length).fill(0);
    const attemptsOf = new Array<number>(orders.length).fill(0);
    const winner = new Array<number>(orders.length).fill(-1);
    const winsByTech = new Array<number>(techs.length).fill(0);
    let taken = 0;
    log(
      `${driver}: ${techs.length} technicians × ${connectionsPerTechnician} connections racing for ${orders.length} orders (at most ${grabS} s)`,
    );
    const grabCpu = cpuMeter(server.pid);
    const grabSessions = target.url ? sampleSessions(target.url) : null;
    const grab = await drive({
      concurrency: techs.length * connectionsPerTechnician,
      warmupMs: 0,
      measureMs: grabS * 1000,
      maxRequests: tasks.length,
      okStatus: 200,
      send: (i) => {
        const task = tasks[i]!;
        return client.request('POST', `/api/repair-orders/${orders[task.order]}/grab`, { cookie: techs[task.tech]!.cookie, body: {} });
      },
      onReply: (i, reply: Reply) => {
        const task = tasks[i]!;
        attemptsOf[task.order]!++;
        if (reply.status === 200) {
          wins[task.order]!++;
          winner[task.order] = task.tech;
          winsByTech[task.tech]!++;
        } else if (reply.status === 409 && reply.body.includes('already_taken')) taken++;
      },
    });
    const grabCpuUse = grabCpu();
    const grabSessionUse = grabSessions ? (await grabSessions.stop()).top : null;
    const raced = orders.map((_, k) => k).filter((k) => attemptsOf[k]! > 0);
    const zeroWinner = raced.filter((k) => wins[k] === 0).length;
    const multiWinner = raced.filter((k) => wins[k]! > 1).length;
    const unexpected = otherStatuses(grab.statuses, ['200', '409']);
    const otherConflicts = (grab.statuses['409'] ?? 0) - taken;
    // Read back a sample: the stored assignee must be the one technician who got 200.
    const sample = raced.filter((k) => wins[k] === 1).slice(0, 50);
    let agree = 0;
    for (const k of sample) {
      const res = await client.request('GET', `/api/repair-orders/${orders[k]}`, { cookie: clerk });
      const order = JSON.parse(res.body) as { status: string; assigneeId: string | null };
      if (res.status === 200 && order.status === 'accepted' && order.assigneeId === techs[winner[k]!]!.id) agree++;
    }
    const grabFigures = {
      orders: raced.length,
      attempts: grab.sent,
      attemptsPerSecond: grab.sent / grab.measuredSeconds,
      grabsPerSecond: grab.measuredOk / grab.measuredSeconds,
      p50: percentile(grab.latencies, 50),
      p99: percentile(grab.latencies, 99),
      ok: grab.statuses['200'] ?? 0,
      taken,
      other: [unexpected === 'none' ? '' : unexpected, otherConflicts > 0 ? `${otherConflicts}×409 (not already_taken)` : '']
        .filter(Boolean)
        .join(', '),
      oneWinner: raced.length > 0 && zeroWinner === 0 && multiWinner === 0 && unexpected === 'none' && otherConflicts === 0,
      zeroWinner,
      multiWinner,
      spotChecked: `${agree}/${sample.length}`,
      winsByTech: winsByTech.join('/'),
      cpu: grabCpuUse,
      sessions: grabSessionUse,
    };
    log(
      `${driver}: ${grabFigures.grabsPerSecond.toFixed(0)} grabs/s (${grabFigures.attemptsPerSecond.toFixed(0)} attempts/s), p50 ${grabFigures.p50.toFixed(1)} ms, p99 ${grabFigures.p99.toFixed(1)} ms; 200: ${grabFigures.ok}, 409 already_taken: ${taken}, other: ${grabFigures.other || 'none'}${grab.firstError && unexpected !== 'none' ? `; first: ${grab.firstError}` : ''}`,
    );

    const after = memoryOf(server.pid);
    log(`${driver}: server RSS ${after.rssMb.toFixed(0)} MB (peak ${after.peakMb.toFixed(0)} MB)`);
    return {
      driver,
      startSeconds: server.startSeconds,
      idleRssMb: idle.rssMb,
      create: createFigures,
      rowsPerOrder,
      grab: grabFigures,
      rssMb: after.rssMb,
      peakMb: after.peakMb,
    };
  } finally {
    client.close();
    await server.stop();
  }
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

function table(rows: [string, ...string[]][], header: string[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(r))].join('\n');
}

async function main(): Promise<void> {
  if (only === 'dashboard') return;
  const started = Date.now();
  const loadStart = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const cpu = os.cpus();
  console.log(`propdesk bench — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
  );
  console.log(`load generator and server share this machine; all traffic to 127.0.0.1; load average ${loadStart}\n`);

  const figures: DriverFigures[] = [];
  let raw: RawInsertResult | null = null;
  let pgbench: { tps: number; latencyMs: number } | null = null;
  let pgbenchNote = 'not run';
  let facts = '';
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    killAll();
    for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => console.error(`cleanup: ${e}`));
  };
  const onSignal = () => {
    console.error('\ninterrupted: stopping the server and removing the bench database');
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (only !== 'pg') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'propdesk-bench-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      figures.push(await benchDriver('pglite', { dataDir: path.join(dir, 'pglite') }));
      await cleanups.pop()?.();
    }
    if (only !== 'pglite') {
      if (await isReachable()) {
        facts = await serverFacts();
        const db = await createBenchDatabase();
        cleanups.push(db.drop);
        log(`pg: fresh database ${db.name} (${facts})`);
        figures.push(await benchDriver('pg', { url: db.url }));
        log(`pg: raw one-row inserts, ${rawClients} clients, ${rawS} s (server stopped)`);
        raw = await rawInsertRate(db.url, rawClients, rawS);
        log(`pg: ${(raw.inserts / raw.seconds).toFixed(0)} raw inserts/s`);
        try {
          pgbench = await pgbenchRate(db.url, rawClients, rawS);
          pgbenchNote = pgbench ? 'ran' : 'pgbench not installed';
          if (pgbench) log(`pg: pgbench ${pgbench.tps.toFixed(0)} tps`);
        } catch (error) {
          pgbenchNote = `failed: ${error instanceof Error ? error.message.slice(0, 200) : error}`;
        }
        await cleanups.pop()?.();
        log(`pg: dropped ${db.name}`);
      } else {
        console.log('PostgreSQL not reachable: its column is skipped (set BENCH_DATABASE_URL to point at one)');
      }
    }
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const rawRate = raw ? raw.inserts / raw.seconds : Number.NaN;
  const header = ['', ...figures.map((f) => (f.driver === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'))];
  const row = (label: string, cell: (f: DriverFigures) => string): [string, ...string[]] => [label, ...figures.map(cell)];
  const cpuCell = (c: DriverFigures['create']['cpu'], f: DriverFigures) =>
    `${f0(c.serverPct)}% / ${f.driver === 'pg' ? `${f0(c.postgresPct)}%` : '-'} / ${f0(c.loadGenPct)}% / ${f0(c.otherPct)}%`;
  const rows: [string, ...string[]][] = [
    row('server start → healthy (s)', (f) => f1(f.startSeconds)),
    row('server RSS idle (MB)', (f) => f0(f.idleRssMb)),
    row(`create: orders/s (${createConnections} conns)`, (f) => f0(f.create.perSecond)),
    row('create: p50 / p99 (ms)', (f) => `${f1(f.create.p50)} / ${f1(f.create.p99)}`),
    row('create: measured / total created', (f) => `${f.create.measured} / ${f.create.total}`),
    row('create: non-201 answers', (f) => f.create.failures),
    row('create: CPU server/pg/loadgen/other', (f) => cpuCell(f.create.cpu, f)),
    row('create: rows written per order', (f) => (f.rowsPerOrder === null ? '(same schema)' : f1(f.rowsPerOrder))),
    row('create ÷ raw PG insert rate', (f) => (Number.isFinite(rawRate) ? `${((f.create.perSecond / rawRate) * 100).toFixed(1)}%` : 'n/a')),
    row(`grab: technicians × conns`, () => `${technicians.length} × ${connectionsPerTechnician}`),
    row('grab: orders raced / attempts', (f) => `${f.grab.orders} / ${f.grab.attempts}`),
    row('grab: grabs/s (winning)', (f) => f0(f.grab.grabsPerSecond)),
    row('grab: attempts/s (200 + 409)', (f) => f0(f.grab.attemptsPerSecond)),
    row('grab: p50 / p99 (ms, all attempts)', (f) => `${f1(f.grab.p50)} / ${f1(f.grab.p99)}`),
    row('grab: 200 / 409 already_taken', (f) => `${f.grab.ok} / ${f.grab.taken}`),
    row('grab: other answers', (f) => f.grab.other || 'none'),
    row('grab: wins per technician', (f) => f.grab.winsByTech),
    row('exactly one winner per order', (f) =>
      f.grab.oneWinner ? 'yes' : `NO (${f.grab.zeroWinner} without, ${f.grab.multiWinner} with several)`,
    ),
    row('read-back: assignee = winner', (f) => f.grab.spotChecked),
    row('grab: CPU server/pg/loadgen/other', (f) => cpuCell(f.grab.cpu, f)),
    row('server RSS after load (MB)', (f) => f0(f.rssMb)),
    row('server peak RSS (MB)', (f) => f0(f.peakMb)),
  ];
  console.log(`\n${table(rows, header)}\n`);
  if (raw) {
    const rawRows: [string, ...string[]][] = [
      [`pg loop: ${raw.clients} clients, ${raw.seconds.toFixed(1)} s`, `${f0(rawRate)} inserts/s`],
      ['pg loop: p50 / p99 (ms)', `${f1(percentile(raw.latencies, 50))} / ${f1(percentile(raw.latencies, 99))}`],
      [`pgbench: ${rawClients} clients, ${rawS} s`, pgbench ? `${f0(pgbench.tps)} tps (avg ${f1(pgbench.latencyMs)} ms)` : pgbenchNote],
    ];
    console.log(table(rawRows, ['raw PostgreSQL one-row INSERT (autocommit, logged table)', '']));
    console.log(`\n${facts}`);
  }
  for (const f of figures) {
    console.log(`${f.driver} orders created per second, warm-up included: ${f.create.timeline.join(' ')}`);
    if (f.create.sessions) console.log(`${f.driver} sessions while creating: ${f.create.sessions}`);
    if (f.grab.sessions) console.log(`${f.driver} sessions while grabbing: ${f.grab.sessions}`);
  }
  console.log(
    `\nCPU: % of one core over the whole phase (warm-up included), ${os.cpus().length * 100}% = every core. pg = every postgres process on the machine; other = the rest of the machine (other people's work, kernel).`,
  );
  console.log(
    `load average at start / end: ${loadStart} / ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  killAll();
  process.exit(1);
});
