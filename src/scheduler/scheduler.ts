import { randomUUID } from 'node:crypto';
import type { Deps } from '../commands/context.js';
import { fireDueTimers } from '../commands/tickets/engine.js';

export interface SchedulerOptions {
  pollMs: number;
  onError?: (error: unknown) => void;
}

/** Polls the timers table; on start it sweeps at once, so timers due while stopped fire now. */
export class Scheduler {
  readonly workerId = `worker-${randomUUID().slice(0, 8)}`;
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    if (this.handle) return;
    void this.tick();
    this.handle = setInterval(() => void this.tick(), this.options.pollMs);
    this.handle.unref();
  }

  /** Runs one round now; resolves with how many timers fired. */
  async tick(): Promise<number> {
    if (this.running) return this.running;
    this.running = fireDueTimers(this.deps, this.workerId)
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
    await this.running;
  }
}
