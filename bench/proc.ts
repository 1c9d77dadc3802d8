import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliMain = path.join(repoRoot, 'src/cli/main.ts');

/** The environment every propdesk process of the bench gets. */
export function serverEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // '' means "use the embedded database" even if the caller's shell has a DATABASE_URL.
    DATABASE_URL: databaseUrl ?? '',
    LOG_LEVEL: 'silent',
    SCHEDULER_DISABLED: 'true',
    // The global per-IP budget (600/min by default) would answer 429 within a second of load.
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
}

/** Runs `node --import tsx src/cli/main.ts <args>` to completion; throws with its output on failure. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliMain, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out.trim());
      else reject(new Error(`propdesk ${args[0]} failed (${signal ?? code}): ${out.trim().slice(-1000)}`));
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  pid: number;
  port: number;
  /** Seconds from spawn to the first healthy answer. */
  startSeconds: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every server still running (used when the bench is interrupted). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts `serve` as a child process and waits until /api/health answers (at most `timeoutMs`). */
export async function startServer(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Server> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', cliMain, 'serve', '--host', '127.0.0.1', '--port', String(port), ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitPromise;
    clearTimeout(timer);
  };

  while (true) {
    if (exited) throw new Error(`server exited during start-up: ${output.trim()}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`server not healthy after ${timeoutMs} ms: ${output.trim()}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (child.pid === undefined) throw new Error('server has no pid');
  return { pid: child.pid, port, startSeconds: (Date.now() - started) / 1000, stop };
}

/** Resident and peak memory of a process in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) a process has used so far; NaN if it cannot be read. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used so far by every process named `postgres` on this machine (server and backends). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / clockTicks();
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const busy = values.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + Number(v)), 0);
    return busy / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** Measures CPU use of the server, the PostgreSQL processes and this load generator over an interval. */
export function cpuMeter(serverPid: number) {
  const wall = performance.now();
  const server = cpuSecondsOf(serverPid);
  const postgres = postgresCpuSeconds();
  const machine = machineBusySeconds();
  const self = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - wall) / 1000;
    const selfUsed = process.cpuUsage(self);
    const serverPct = ((cpuSecondsOf(serverPid) - server) / seconds) * 100;
    const postgresPct = ((postgresCpuSeconds() - postgres) / seconds) * 100;
    const loadGenPct = ((selfUsed.user + selfUsed.system) / 1e6 / seconds) * 100;
    const machinePct = ((machineBusySeconds() - machine) / seconds) * 100;
    // Whatever else ran meanwhile (other people's tests, the kernel): the figures are only as good as this is small.
    return { serverPct, postgresPct, loadGenPct, otherPct: Math.max(0, machinePct - serverPct - postgresPct - loadGenPct) };
  };
}
