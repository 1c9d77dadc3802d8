import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One answer from the server, with how long it took from send to last byte. */
export interface Reply {
  status: number;
  body: string;
  ms: number;
  setCookie: string[];
}

/** A keep-alive HTTP/1.1 client for 127.0.0.1 with a fixed number of sockets. */
export class Client {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(method: string, path: string, options: { body?: unknown; cookie?: string; timeoutMs?: number } = {}): Promise<Reply> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: http.OutgoingHttpHeaders = {};
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (options.cookie) headers.cookie = options.cookie;
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - start,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Signs a demo staff member in and returns the cookie header to send. */
export async function login(client: Client, username: string, password: string): Promise<string> {
  const res = await client.request('POST', '/api/auth/login', { body: { username, password } });
  const cookie = res.setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('pd_session='));
  if (res.status !== 200 || !cookie) throw new Error(`login ${username} failed: ${res.status} ${res.body.slice(0, 200)}`);
  return cookie;
}

export interface DriveOptions {
  /** Requests in flight at once (one worker per connection). */
  concurrency: number;
  /** Requests that finish before this are not measured. */
  warmupMs: number;
  /** Length of the measured window after the warm-up. */
  measureMs: number;
  /** Hard bound on the number of requests sent. */
  maxRequests: number;
  /** Sends request number `i`. */
  send: (i: number) => Promise<Reply>;
  /** Sees every answer (warm-up included), e.g. to keep created ids. */
  onReply?: (i: number, reply: Reply) => void;
  /** The status that counts as success. */
  okStatus: number;
}

export interface DriveResult {
  /** Successful answers finished inside the measured window. */
  measuredOk: number;
  /** Seconds of the measured window actually used (shorter if the requests ran out). */
  measuredSeconds: number;
  /** Latencies (ms) of every answer finished inside the measured window. */
  latencies: number[];
  /** Answers by status over the whole run, warm-up included; 'error' for network failures. */
  statuses: Record<string, number>;
  sent: number;
  firstError: string | null;
  /** Successful answers per second of the run, warm-up included, to see the warm-up and any drift. */
  timeline: number[];
}

/**
 * Keeps `concurrency` requests in flight until the warm-up plus measured window is over or
 * `maxRequests` were sent, then waits for the ones still in flight.
 */
export async function drive(o: DriveOptions): Promise<DriveResult> {
  const t0 = performance.now();
  const windowStart = t0 + o.warmupMs;
  const windowEnd = windowStart + o.measureMs;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let measuredOk = 0;
  let lastFinish = windowStart;
  let firstError: string | null = null;
  const timeline: number[] = [];

  const worker = async () => {
    while (next < o.maxRequests && performance.now() < windowEnd) {
      const i = next++;
      let key: string;
      try {
        const reply = await o.send(i);
        key = String(reply.status);
        o.onReply?.(i, reply);
        const done = performance.now();
        if (reply.status === o.okStatus) {
          const second = Math.floor((done - t0) / 1000);
          timeline[second] = (timeline[second] ?? 0) + 1;
        }
        if (done >= windowStart && done <= windowEnd) {
          latencies.push(reply.ms);
          if (reply.status === o.okStatus) measuredOk++;
          lastFinish = done;
        }
        if (reply.status !== o.okStatus && firstError === null) firstError = `${reply.status} ${reply.body.slice(0, 200)}`;
      } catch (error) {
        key = 'error';
        if (firstError === null) firstError = error instanceof Error ? error.message : String(error);
      }
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const ranOut = next >= o.maxRequests;
  const measuredSeconds = ((ranOut ? Math.min(lastFinish, windowEnd) : windowEnd) - windowStart) / 1000;
  return {
    measuredOk,
    measuredSeconds: Math.max(measuredSeconds, 0.001),
    latencies,
    statuses,
    sent: next,
    firstError,
    timeline: Array.from(timeline, (v) => v ?? 0),
  };
}

/** Nearest-rank percentile of unsorted samples (ms); NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
