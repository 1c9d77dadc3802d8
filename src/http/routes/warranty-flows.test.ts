import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings } from '../../db/schema/index.js';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { createRepair } from '../../../tests/support/factories.js';

type Form = {
  id: string;
  number: string;
  status: string;
  flags: string[];
  items: { source: string; sourceNumber: string | null; warrantyClass: string; location: string }[];
  events: { type: string }[];
  allowedActions: string[];
};

describe.each(await drivers())('in-warranty defects over HTTP (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.call(await t.login(who), { method, url, ...(payload ? { payload } : {}) });
  const compile = async (orderId: string, extra: object = {}) => {
    const res = await call('yg.clerk', 'POST', '/api/liaison-forms', {
      communityId: t.yg,
      works: 'contractor',
      toDepartment: '技术质量部',
      subject: '卫生间渗水',
      items: [{ source: 'repair', sourceTicketId: orderId, warrantyClass: 'waterproofing', ...extra }],
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as Form;
  };

  it('shows whether a repair order is in warranty, by its building handed over on 2022-06-30', async () => {
    const { order } = await createRepair(t, { content: '卫生间地面渗水到楼下' });
    const status = (await call('yg.clerk', 'GET', `/api/warranty/repair-orders/${order.id}`)).json();
    // Plumbing counts as drainage: two years, over on 2024-06-30.
    expect(status).toMatchObject({ warrantyClass: 'drainage', handoverDate: '2022-06-30', lastDay: '2024-06-30', isInWarranty: false });
    expect((await call('yg.developer', 'GET', `/api/warranty/repair-orders/${order.id}`)).statusCode).toBe(403);
    // A past-warranty class is refused on the item's field.
    const refused = await call('yg.clerk', 'POST', '/api/liaison-forms', {
      communityId: t.yg,
      works: 'own_works',
      toDepartment: '生产安全部',
      subject: '水管',
      items: [{ source: 'repair', sourceTicketId: order.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].field).toBe('items.0.warrantyClass');
  });

  it('liaison from an order → receipt → reply → repaired → visit signed → closed', async () => {
    const { order } = await createRepair(t, { content: '主卧外墙渗水' });
    const form = await compile(order.id);
    expect(form.number).toMatch(/^YG-LX-20261125-\d{4}$/);
    expect(form.status).toBe('awaiting_receipt');
    expect(form.items[0]).toMatchObject({ source: 'repair', sourceNumber: order.number, warrantyClass: 'waterproofing' });
    const status = (await call('yg.clerk', 'GET', `/api/warranty/repair-orders/${order.id}`)).json();
    expect(status.liaisonForms).toEqual([{ id: form.id, number: form.number, status: 'awaiting_receipt' }]);
    // The same order cannot go on a second form.
    const twice = await call('yg.clerk', 'POST', '/api/liaison-forms', {
      communityId: t.yg,
      works: 'contractor',
      toDepartment: '技术质量部',
      subject: '重复',
      items: [{ source: 'repair', sourceTicketId: order.id, warrantyClass: 'waterproofing' }],
    });
    expect(twice.statusCode).toBe(422);

    expect((await call('yg.clerk', 'POST', `/api/liaison-forms/${form.id}/receive`, { receiverName: '张部长' })).statusCode).toBe(403);
    const received = (
      await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/receive`, { receiverName: '技术质量部 张部长' })
    ).json() as Form;
    expect(received.status).toBe('awaiting_reply');
    const replied = (
      await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/reply`, {
        plan: '外墙打胶、重做防水',
        repairBy: '2026-12-05T18:00:00+08:00',
      })
    ).json() as Form;
    expect(replied.status).toBe('repair_scheduled');
    const repaired = (
      await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/report-repaired`, { note: '已完成，淋水试验无渗漏' })
    ).json() as Form;
    expect(repaired.status).toBe('repaired');
    expect((await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/record-visit`, { signature: 'signed' })).statusCode).toBe(
      403,
    );
    const closed = (
      await call('yg.clerk', 'POST', `/api/liaison-forms/${form.id}/record-visit`, { signature: 'signed', comment: '业主满意' })
    ).json() as Form;
    expect(closed.status).toBe('closed');
    expect(closed.events.map((e) => e.type)).toEqual([
      'LiaisonSent',
      'LiaisonReceived',
      'LiaisonReplied',
      'LiaisonRepaired',
      'LiaisonVisited',
    ]);
    const printed = await call('yg.clerk', 'GET', `/print/liaison-forms/${form.id}`);
    expect(printed.body).toContain('接收人签字');
    expect(printed.body).toContain('技术质量部 张部长');
  });

  it('chases the developer when no reply comes within the policy hours, and when the repair date passes', async () => {
    const { order } = await createRepair(t, { content: '阳台顶棚渗水' });
    const form = await compile(order.id);
    t.clock.advanceMinutes(72 * 60 + 1);
    await t.scheduler.tick();
    const late = (await call('yg.developer', 'GET', `/api/liaison-forms/${form.id}`)).json() as Form;
    expect(late.flags).toContain('reply_overdue');
    expect(late.events.at(-1)?.type).toBe('LiaisonOverdue');
    const inbox = (await call('yg.developer', 'GET', '/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('超时未答复');
    await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/receive`, { receiverName: '王工' });
    const repairBy = new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString();
    const replied = (
      await call('yg.developer', 'POST', `/api/liaison-forms/${form.id}/reply`, { plan: '重做防水', repairBy })
    ).json() as Form;
    expect(replied.flags).not.toContain('reply_overdue');
    t.clock.advanceMinutes(24 * 60 + 1);
    await t.scheduler.tick();
    const pastDate = (await call('yg.clerk', 'GET', '/api/liaison-forms?view=overdue')).json();
    expect(pastDate.items.map((f: Form) => f.id)).toContain(form.id);
    expect(pastDate.items.find((f: Form) => f.id === form.id).flags).toContain('repair_overdue');
  });

  it('lists in-warranty orders to compile from, and keeps forms from CH staff', async () => {
    const ex = t.database.db;
    // A newer handover: every YG building handed over on 2025-06-30, so plumbing is in warranty until 2027-06-30.
    await ex.update(buildings).set({ handoverDate: '2025-06-30' }).where(eq(buildings.communityId, t.yg));
    const { order } = await createRepair(t, { content: '厨房下水管接口滴水' });
    const status = (await call('yg.clerk', 'GET', `/api/warranty/repair-orders/${order.id}`)).json();
    expect(status).toMatchObject({ warrantyClass: 'drainage', isInWarranty: true, lastDay: '2027-06-30', canRaiseLiaison: true });
    const candidates = (await call('yg.clerk', 'GET', `/api/warranty/candidates?communityId=${t.yg}`)).json();
    expect(candidates.items.map((c: { id: string }) => c.id)).toContain(order.id);
    const form = await compile(order.id, { warrantyClass: undefined });
    expect(form.items[0]!.warrantyClass).toBe('drainage');
    expect(
      (await call('yg.clerk', 'GET', `/api/warranty/candidates?communityId=${t.yg}`)).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(order.id);
    expect((await call('ch.clerk', 'GET', `/api/liaison-forms/${form.id}`)).statusCode).toBe(404);
    const chList = (await call('ch.clerk', 'GET', '/api/liaison-forms?view=all')).json();
    expect(chList.items.map((f: Form) => f.id)).not.toContain(form.id);
  });
});
