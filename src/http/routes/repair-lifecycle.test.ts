import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { act, codeFor, createRepair } from '../../../tests/support/factories.js';

describe.each(await drivers())('repair order lifecycle over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs from the desk through grab, code, work, completion, confirmation and a satisfied visit', async () => {
    const { order } = await createRepair(t);
    expect(order.status).toBe('open');
    expect(order.number).toMatch(/^YG-20261125-\d{4}$/);
    const tech = await t.login('yg.tech1');
    const clerk = await t.login('yg.clerk');
    let res = await act(t, tech, order.id, 'grab');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('accepted');
    expect((await act(t, tech, order.id, 'set-off')).json().status).toBe('on_the_way');
    expect((await act(t, tech, order.id, 'arrive')).json().status).toBe('arrived');
    res = await act(t, tech, order.id, 'verify-code', { code: '000000' === (await codeFor(t, order.number)) ? '111111' : '000000' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('code');
    res = await act(t, tech, order.id, 'verify-code', { code: await codeFor(t, order.number) });
    expect(res.json().status).toBe('in_progress');
    res = await act(t, tech, order.id, 'record-work', { actualItems: '更换角阀', labourFeeCents: 3000, materialFeeCents: 1550 });
    expect(res.json().labourFeeCents).toBe(3000);
    expect((await act(t, tech, order.id, 'complete', { summary: '已更换角阀，试水正常' })).json().feeStatus).toBe('owed');
    res = await act(t, clerk, order.id, 'confirm', { signature: '业主电话确认' });
    expect(res.json().status).toBe('confirmed');
    expect(res.json().visits).toHaveLength(1);
    const finance = await t.login('yg.finance');
    expect((await act(t, finance, order.id, 'record-payment', { amountCents: 4550 })).json().feeStatus).toBe('paid');
    res = await act(t, clerk, order.id, 'visit', { outcome: 'satisfied', method: 'phone', comment: '业主满意' });
    const done = res.json();
    expect(done.status).toBe('closed');
    expect(done.events.map((e: { type: string }) => e.type)).toEqual([
      'OrderCreated',
      'OrderGrabbed',
      'TechnicianSetOff',
      'TechnicianArrived',
      'CodeRejected',
      'CodeVerified',
      'WorkRecorded',
      'OrderCompleted',
      'CompletionConfirmed',
      'VisitTaskCreated',
      'PaymentRecorded',
      'VisitRecorded',
    ]);
    expect(done.timers.filter((x: { status: string }) => x.status === 'pending')).toEqual([]);
  });
});
