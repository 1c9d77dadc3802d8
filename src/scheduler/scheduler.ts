import { randomUUID } from 'node:crypto';
import type { Deps } from '../commands/context.js';
import { fireDueTimers } from '../commands/tickets/engine.js';
import { periodicDuties } from './periodic-duties.js';

export interface SchedulerOptions {
  pollMs: number;
  /** How often the periodic duties run (src/scheduler/periodic-duties.ts); hourly by default. */
  periodicMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Polls the timers table; on start it sweeps at once, so timers due while stopped fire now. Every
 * hour (and on start) it also runs the periodic duties of periodic-duties.ts (each idempotent, so
 * several processes may run them).
 */
export class Scheduler {
  readonly workerId = `worker-${randomUUID().slice(0, 8)}`;
  private handle: NodeJS.Timeout | null = null;
  private periodicHandle: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private periodic: Promise<Record<string, number>> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    if (this.handle) return;
    void this.tick();
    this.handle = setInterval(() => void this.tick(), this.options.pollMs);
    this.handle.unref();
    void this.runPeriodic();
    this.periodicHandle = setInterval(() => void this.runPeriodic(), this.options.periodicMs ?? 3_600_000);
    this.periodicHandle.unref();
  }

  /**
   * Runs the periodic duties now (src/scheduler/periodic-duties.ts), one after another; one duty's
   * failure is reported and does not stop the others. Resolves with how much each did, by name.
   */
  async runPeriodic(): Promise<Record<string, number>> {
    if (this.periodic) return this.periodic;
    this.periodic = (async () => {
      const done: Record<string, number> = {};
      for (const duty of periodicDuties) {
        try {
          done[duty.name] = await duty.run(this.deps);
        } catch (error: unknown) {
          done[duty.name] = 0;
          this.options.onError?.(error);
        }
      }
      return done;
    })().finally(() => {
      this.periodic = null;
    });
    return this.periodic;
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
    if (this.periodicHandle) clearInterval(this.periodicHandle);
    this.handle = null;
    this.periodicHandle = null;
    await this.running;
    await this.periodic;
  }
}
