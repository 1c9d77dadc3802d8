import { parseArgs } from 'node:util';
import type { Deps } from '../commands/context.js';
import { seedDemo } from '../commands/seed-demo.js';
import { seedSampleHistory } from '../commands/seed-sample-history.js';
import { seedSampleOrders } from '../commands/seed-sample-orders.js';
import { seedSampleTickets } from '../commands/seed-sample-tickets.js';
import { seedSampleReports } from '../commands/seed-sample-reports.js';
import { seedSampleArrears } from '../commands/seed-sample-arrears.js';
import { seedSampleGoodsPasses } from '../commands/seed-sample-goods-passes.js';
import { seedSamplePatrol } from '../commands/seed-sample-patrol.js';
import { seedSampleOwnerVisits } from '../commands/seed-sample-owner-visits.js';
import { seedSampleWarranty } from '../commands/seed-sample-warranty.js';
import { seedSampleRenovation } from '../commands/seed-sample-renovation.js';
import { seedSampleHotWork } from '../commands/seed-sample-hot-work.js';
import { seedSampleParking } from '../commands/seed-sample-parking.js';
import { seedSampleQuestionnaires } from '../commands/seed-sample-questionnaires.js';
import { createStaffUser } from '../commands/create-staff-user.js';
import { parseEnv } from '../config/env.js';
import { type Database, openDatabase } from '../db/client.js';
import { systemClock } from '../domain/shared/clock.js';
import { buildServer } from '../http/server.js';
import { LiveHub } from '../notify/live.js';
import { outboxSms } from '../notify/sms.js';
import { Scheduler } from '../scheduler/scheduler.js';

const usage = `propdesk <command>
  serve [--seed-demo] [--port N] [--host H] [--data-dir DIR]   start the server (scheduler included)
  migrate                                                         bring the database schema up to date
  seed                                                            load the demo company (once)
  create-user --username U --password P --role R --name N [--community-code C] [--company-code DEMO]
  openapi                                                         print the OpenAPI document`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      'seed-demo': { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'community-code': { type: 'string' },
      'company-code': { type: 'string', default: 'DEMO' },
    },
  });
  const env = parseEnv({
    ...process.env,
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.host ? { HOST: values.host } : {}),
    ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}),
  });

  if (command === 'openapi') {
    const unused = new Proxy({} as Database, {
      get: () => {
        throw new Error('no database when printing the OpenAPI document');
      },
    });
    const deps: Deps = { database: unused, clock: systemClock, sms: outboxSms, isDemo: false };
    const app = await buildServer(
      { deps, hub: new LiveHub(), sessionHours: 1, cookieSecure: true },
      { logLevel: 'silent', serveWeb: false },
    );
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
    return;
  }

  const open = () => openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  switch (command) {
    case 'migrate': {
      const database = await open();
      await database.close();
      console.log(`schema up to date (${database.driver})`);
      return;
    }
    case 'seed': {
      const database = await open();
      const summary = await seedDemo({ database, clock: systemClock, sms: outboxSms, isDemo: true });
      await database.close();
      console.log(summary.isNew ? 'demo data loaded' : 'demo data already present');
      return;
    }
    case 'create-user': {
      const database = await open();
      try {
        const user = await createStaffUser(database, {
          username: values.username ?? '',
          password: values.password ?? '',
          role: values.role ?? '',
          name: values.name ?? '',
          communityCode: values['community-code'],
          companyCode: values['company-code'] ?? 'DEMO',
        });
        console.log(`created ${user.username} (${user.role})`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'serve':
      return serve(env, values['seed-demo'] ?? false, open);
    default:
      console.error(usage);
      process.exitCode = command ? 1 : 0;
  }
}

async function serve(env: ReturnType<typeof parseEnv>, withDemo: boolean, open: () => Promise<Database>): Promise<void> {
  const database = await open();
  const isDemo = withDemo || env.DEMO_MODE;
  const deps: Deps = { database, clock: systemClock, sms: outboxSms, isDemo };
  if (withDemo) {
    const summary = await seedDemo(deps);
    if (summary.isNew) {
      await seedSampleHistory(deps, summary);
      await seedSampleOrders(deps, summary);
      await seedSampleTickets(deps, summary);
      await seedSampleOwnerVisits(deps, summary);
      await seedSampleQuestionnaires(deps, summary);
      await seedSampleHotWork(deps, summary);
      await seedSampleParking(deps, summary);
      await seedSampleArrears(deps, summary);
      await seedSampleGoodsPasses(deps, summary);
      await seedSamplePatrol(deps, summary);
      await seedSampleWarranty(deps, summary);
      await seedSampleRenovation(deps, summary);
      await seedSampleReports(deps, summary);
      console.log('demo data loaded: sign in as admin / demo1234 (see README for every role)');
    }
  }
  const hub = new LiveHub();
  await hub.start(database);
  const app = await buildServer(
    { deps, hub, sessionHours: env.SESSION_HOURS, cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production' },
    { logLevel: env.LOG_LEVEL, rateLimitMax: env.RATE_LIMIT_PER_MINUTE },
  );
  const scheduler = new Scheduler(deps, { pollMs: env.SCHEDULER_POLL_MS, onError: (e) => app.log.error({ err: e }, 'timer round failed') });
  if (!env.SCHEDULER_DISABLED) scheduler.start();
  await app.listen({ host: env.HOST, port: env.PORT });
  app.log.info(`propdesk on http://${env.HOST}:${env.PORT} (${database.driver})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await scheduler.stop();
    await app.close();
    await hub.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
