import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Everything the server reads from its environment, checked once at boot. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** postgres://… to use a PostgreSQL server; unset → the embedded database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('./data/pglite'),
  /** 'outbox' stores text messages for the admin to read instead of sending them. */
  SMS_PROVIDER: z.enum(['outbox']).default('outbox'),
  /** Demo mode shows one-time login codes on screen (only with the outbox provider). */
  DEMO_MODE: bool,
  /** Session cookies only over HTTPS; defaults to on in production, off for a local demo over http. */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** Turn the timer scheduler off in a process that should only serve requests. */
  SCHEDULER_DISABLED: bool,
  /** Requests per minute per client address before 429 (login routes have their own, lower limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment, listing every problem at once. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
