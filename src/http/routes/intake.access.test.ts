import { afterAll, beforeAll, describe } from 'vitest';
import { intakeRoutes } from '../../../tests/access/intake.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom, type RoomPick } from '../../../tests/support/factories.js';

/** A valid body of every action, so a refusal is about access, never the payload. */
const bodies: Record<string, Record<string, unknown>> = {
  triage: { category: 'suggestion' },
  reply: { answer: '已答复', method: 'phone', isSatisfied: true },
  escalate: { reason: '需主管处理' },
  acknowledge: {},
  resolve: { result: '已处置' },
  close: { result: '已办结' },
  void: { reason: '误登' },
};

describe.each(await drivers())('access to the duty-log routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let room: RoomPick;

  const log = async (payload: Record<string, unknown>, communityId?: string, who = 'yg.clerk') => {
    const res = await t.call(await t.login(who), {
      method: 'POST',
      url: '/api/contacts',
      payload: {
        communityId: communityId ?? t.yg,
        channel: 'phone',
        callerName: room.name,
        callerPhone: room.phone,
        content: '来电',
        ...payload,
      },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  /** An entry in the state each action starts from. */
  const entryFor = async (action: string): Promise<string> => {
    switch (action) {
      case 'triage':
      case 'void':
        return log({});
      case 'reply':
      case 'escalate':
        return log({ triage: { category: 'consultation' } });
      case 'acknowledge':
        return log({ triage: { category: 'emergency', emergencyKind: 'flood' } });
      case 'resolve': {
        const id = await log({ triage: { category: 'emergency', emergencyKind: 'medical' } });
        await t.call(await t.login('yg.security'), { method: 'POST', url: `/api/contacts/${id}/acknowledge`, payload: {} });
        return id;
      }
      default:
        return log({ triage: { category: 'matter', matter: { category: '公共秩序' } } });
    }
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'duty log',
    columns,
    intakeRoutes,
    () => {
      const rows: Record<string, (c: Column) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: object }>> = {
        'POST /api/contacts': async () => ({
          method: 'POST',
          url: '/api/contacts',
          payload: { communityId: t.yg, channel: 'walk_in', callerName: '王女士', content: '咨询' },
        }),
        'GET /api/contacts': async () => ({ method: 'GET', url: '/api/contacts' }),
        'GET /api/contacts/emergencies': async () => ({ method: 'GET', url: '/api/contacts/emergencies' }),
        'GET /api/contacts/:id': async () => ({
          method: 'GET',
          url: `/api/contacts/${await log({ triage: { category: 'consultation' } })}`,
        }),
        'GET /api/contacts/:id (an open emergency)': async () => ({
          method: 'GET',
          url: `/api/contacts/${await log({ triage: { category: 'emergency', emergencyKind: 'fire' } })}`,
        }),
        'GET /api/contacts/:id (CH entry)': async () => ({
          method: 'GET',
          url: `/api/contacts/${await log({ triage: { category: 'emergency', emergencyKind: 'fire' } }, t.ch, 'ch.clerk')}`,
        }),
        'GET /api/my/contacts': async () => ({ method: 'GET', url: '/api/my/contacts' }),
        'GET /api/my/contacts/:id': async () => ({ method: 'GET', url: `/api/my/contacts/${await log({ roomId: room.roomId })}` }),
        'GET /api/my/contacts/:id (someone else’s)': async () => ({
          method: 'GET',
          url: `/api/my/contacts/${await log({ callerPhone: '13111111111' })}`,
        }),
      };
      for (const [action, payload] of Object.entries(bodies)) {
        rows[`POST /api/contacts/:id/${action}`] = async () => ({
          method: 'POST',
          url: `/api/contacts/${await entryFor(action)}/${action}`,
          payload,
        });
      }
      return rows;
    },
    (caller, req) => t.call(cookies[caller], req),
  );
});
