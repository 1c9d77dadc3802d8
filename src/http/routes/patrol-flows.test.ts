import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';

type Round = {
  id: string;
  status: string;
  checkpoints: { id: string; label: string }[];
  findings: { checkpointId: string; result: string; repairOrder: { id: string; number: string; status: string } | null }[];
  durationMinutes: number | null;
  issueCount: number;
  orderCount: number;
  canRecord: boolean;
};

describe.each(await drivers())('building patrol over HTTP (%s)', (driver) => {
  let t: TestApp;
  let routeId: string;
  beforeAll(async () => {
    t = await startTestApp(driver);
    const sup = await t.login('yg.cssup');
    const buildings = (await t.call(sup, { method: 'GET', url: `/api/buildings?communityId=${t.yg}` })).json() as { id: string }[];
    const res = await t.call(sup, {
      method: 'POST',
      url: '/api/patrol/routes',
      payload: {
        communityId: t.yg,
        name: '1栋日常巡楼',
        checkpoints: [{ buildingId: buildings[0]!.id, floorFrom: 1, floorTo: 6, facility: '楼道' }, { facility: '地下车库' }],
      },
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    routeId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (who: string, url: string, payload: object) => t.call(await t.login(who), { method: 'POST', url, payload });

  it('walks a round: an issue raises a public-area repair order in one step, linked; finishing records the duration', async () => {
    const started = await post('yg.cssup', '/api/patrol/rounds', { routeId });
    expect(started.statusCode).toBe(201);
    const round = started.json() as Round;
    expect(round.canRecord).toBe(true);
    const [stairs, garage] = round.checkpoints;
    expect(stairs!.label).toContain('1–6F');
    t.clock.advanceMinutes(10);
    expect(
      (await post('yg.cssup', `/api/patrol/rounds/${round.id}/checkpoints`, { checkpointId: stairs!.id, result: 'ok' })).statusCode,
    ).toBe(200);
    // Finishing with a checkpoint left is refused on the field.
    const early = await post('yg.cssup', `/api/patrol/rounds/${round.id}/finish`, { summary: '' });
    expect(early.statusCode).toBe(422);
    const issue = await post('yg.cssup', `/api/patrol/rounds/${round.id}/checkpoints`, {
      checkpointId: garage!.id,
      result: 'issue',
      note: '车库B区照明灯坏了三盏',
      category: 'electrical',
    });
    expect(issue.statusCode).toBe(200);
    const withOrder = issue.json() as Round;
    const finding = withOrder.findings.find((f) => f.checkpointId === garage!.id)!;
    expect(finding.repairOrder?.status).toBe('open');
    const order = (await t.call(await t.login('yg.clerk'), { method: 'GET', url: `/api/repair-orders/${finding.repairOrder!.id}` })).json();
    expect(order).toMatchObject({ area: 'public', channel: 'patrol', category: 'electrical', content: '车库B区照明灯坏了三盏' });
    expect(order.location).toContain('地下车库');
    t.clock.advanceMinutes(25);
    const done = (await post('yg.cssup', `/api/patrol/rounds/${round.id}/finish`, { summary: '车库照明待修' })).json() as Round;
    expect(done).toMatchObject({ status: 'finished', durationMinutes: 35, issueCount: 1, orderCount: 1, canRecord: false });
    // Finished is finished.
    expect((await post('yg.cssup', `/api/patrol/rounds/${round.id}/finish`, {})).statusCode).toBe(409);

    const report = await t.call(await t.login('yg.director'), {
      method: 'GET',
      url: `/api/patrol/daily-report?communityId=${t.yg}&date=2026-11-25`,
    });
    expect(report.json()).toMatchObject({ issueCount: 1, orderCount: 1 });
    const printed = await t.call(await t.login('yg.director'), {
      method: 'GET',
      url: `/print/patrol/daily-report?communityId=${t.yg}&date=2026-11-25`,
    });
    expect(printed.body).toContain(finding.repairOrder!.number);
    const week = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: '/api/patrol/fulfilment' })).json();
    // Wednesday: two days past, seven a week → two expected so far, one done.
    expect(week).toMatchObject({ done: 1, target: 7, expectedSoFar: 2, isBehind: true });
  });

  it('keeps another patroller and CH staff off the round, and refuses a category-less issue without writing', async () => {
    const round = (await post('yg.cssup', '/api/patrol/rounds', { routeId })).json() as Round;
    const cp = round.checkpoints[0]!.id;
    expect((await post('yg.clerk', `/api/patrol/rounds/${round.id}/checkpoints`, { checkpointId: cp, result: 'ok' })).statusCode).toBe(404);
    expect((await t.call(await t.login('ch.clerk'), { method: 'GET', url: `/api/patrol/rounds/${round.id}` })).statusCode).toBe(404);
    const bad = await post('yg.cssup', `/api/patrol/rounds/${round.id}/checkpoints`, {
      checkpointId: cp,
      result: 'issue',
      note: '门禁坏了',
    });
    expect(bad.statusCode).toBe(400);
    const again = (await t.call(await t.login('yg.cssup'), { method: 'GET', url: `/api/patrol/rounds/${round.id}` })).json() as Round;
    expect(again.findings).toHaveLength(0);
    const filtered = (
      await t.call(await t.login('yg.cssup'), {
        method: 'GET',
        url: `/api/patrol/rounds?status=finished&hasIssues=true&from=2026-11-25&to=2026-11-25`,
      })
    ).json();
    expect(filtered.total).toBe(1);
  });
});
