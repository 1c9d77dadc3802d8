import { afterAll, beforeAll, describe } from 'vitest';
import { patrolAccess } from '../../../tests/access/patrol.js';
import { accessGrid, type Column, columns, signInColumns } from '../../../tests/support/access-grid.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { occupiedRoom } from '../../../tests/support/factories.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const multipart = (bytes: Buffer, name: string) => {
  const boundary = '----pd-patrol-access';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

describe.each(await drivers())('access to the patrol routes (%s)', (driver) => {
  let t: TestApp;
  let cookies: Record<Column, string | null>;
  let ygRoute: string;
  let chRoute: string;
  const routeBody = (communityId: string) => ({
    communityId,
    name: '公共区域巡楼',
    checkpoints: [{ facility: '地下车库' }, { facility: '东门道闸' }],
  });

  const ok = async (res: { statusCode: number; body: string }, want = 201) => {
    if (res.statusCode !== want) throw new Error(`${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  const start = async (who: string, routeId: string) =>
    ok(await t.call(await t.login(who), { method: 'POST', url: '/api/patrol/rounds', payload: { routeId } }));
  /** A YG round of yg.cssup with one finding (and a photo of it). */
  const roundWithFinding = async () => {
    const round = await start('yg.cssup', ygRoute);
    const marked = await ok(
      await t.call(await t.login('yg.cssup'), {
        method: 'POST',
        url: `/api/patrol/rounds/${round.id}/checkpoints`,
        payload: { checkpointId: round.checkpoints[0].id, result: 'ok' },
      }),
      200,
    );
    return { round, findingId: marked.findings[0].id as string };
  };
  const withPhoto = async (who: string, communityRoute: string) => {
    const round = await start(who, communityRoute);
    const marked = await ok(
      await t.call(await t.login(who), {
        method: 'POST',
        url: `/api/patrol/rounds/${round.id}/checkpoints`,
        payload: { checkpointId: round.checkpoints[0].id, result: 'ok' },
      }),
      200,
    );
    const photo = await ok(
      await t.call(await t.login(who), {
        method: 'POST',
        url: `/api/patrol/rounds/${round.id}/findings/${marked.findings[0].id}/photos`,
        ...multipart(png, 'p.png'),
      }),
    );
    return { roundId: round.id as string, photoId: photo.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    const room = await occupiedRoom(t, t.yg, 1);
    cookies = await signInColumns(t, room.phone);
    ygRoute = (await ok(await t.call(await t.login('yg.cssup'), { method: 'POST', url: '/api/patrol/routes', payload: routeBody(t.yg) })))
      .id;
    chRoute = (await ok(await t.call(await t.login('ch.cssup'), { method: 'POST', url: '/api/patrol/routes', payload: routeBody(t.ch) })))
      .id;
  });
  afterAll(async () => {
    await t?.close();
  });

  accessGrid(
    'patrol',
    columns,
    patrolAccess,
    () => ({
      'GET /api/patrol/routes': async () => ({ method: 'GET', url: '/api/patrol/routes' }),
      'POST /api/patrol/routes': async () => ({ method: 'POST', url: '/api/patrol/routes', payload: routeBody(t.yg) }),
      'PUT /api/patrol/routes/:id': async () => ({ method: 'PUT', url: `/api/patrol/routes/${ygRoute}`, payload: routeBody(t.yg) }),
      'PUT /api/patrol/routes/:id (CH route)': async () => ({
        method: 'PUT',
        url: `/api/patrol/routes/${chRoute}`,
        payload: routeBody(t.ch),
      }),
      'GET /api/patrol/rounds': async () => ({ method: 'GET', url: '/api/patrol/rounds' }),
      'POST /api/patrol/rounds': async () => ({ method: 'POST', url: '/api/patrol/rounds', payload: { routeId: ygRoute } }),
      'GET /api/patrol/rounds/:id': async () => ({ method: 'GET', url: `/api/patrol/rounds/${(await start('yg.cssup', ygRoute)).id}` }),
      'GET /api/patrol/rounds/:id (CH round)': async () => ({
        method: 'GET',
        url: `/api/patrol/rounds/${(await start('ch.cssup', chRoute)).id}`,
      }),
      'POST /api/patrol/rounds/:id/checkpoints': async () => {
        const round = await start('yg.cssup', ygRoute);
        return {
          method: 'POST',
          url: `/api/patrol/rounds/${round.id}/checkpoints`,
          payload: { checkpointId: round.checkpoints[0].id, result: 'ok' },
        };
      },
      'POST /api/patrol/rounds/:id/finish': async () => ({
        method: 'POST',
        url: `/api/patrol/rounds/${(await roundWithFinding()).round.id}/finish`,
        payload: { summary: '正常' },
      }),
      'POST /api/patrol/rounds/:id/findings/:findingId/photos': async () => {
        const { round, findingId } = await roundWithFinding();
        return { method: 'POST', url: `/api/patrol/rounds/${round.id}/findings/${findingId}/photos`, ...multipart(png, 'p.png') };
      },
      'GET /api/patrol/rounds/:id/photos/:photoId': async () => {
        const { roundId, photoId } = await withPhoto('yg.cssup', ygRoute);
        return { method: 'GET', url: `/api/patrol/rounds/${roundId}/photos/${photoId}` };
      },
      'GET /api/patrol/rounds/:id/photos/:photoId (CH round)': async () => {
        const { roundId, photoId } = await withPhoto('ch.cssup', chRoute);
        return { method: 'GET', url: `/api/patrol/rounds/${roundId}/photos/${photoId}` };
      },
      'GET /api/patrol/fulfilment': async () => ({ method: 'GET', url: `/api/patrol/fulfilment?communityId=${t.yg}` }),
      'GET /api/patrol/daily-report': async () => ({ method: 'GET', url: `/api/patrol/daily-report?communityId=${t.yg}&date=2026-11-25` }),
      'GET /api/patrol/daily-report (CH)': async () => ({
        method: 'GET',
        url: `/api/patrol/daily-report?communityId=${t.ch}&date=2026-11-25`,
      }),
      'GET /print/patrol/daily-report': async () => ({
        method: 'GET',
        url: `/print/patrol/daily-report?communityId=${t.yg}&date=2026-11-25`,
      }),
    }),
    (caller, req) => t.call(cookies[caller], req),
  );
});
