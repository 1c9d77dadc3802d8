import type { TestApp } from './app.js';

export interface RoomPick {
  roomId: string;
  residentId: string;
  name: string;
  phone: string;
}

/** An occupied room of a community, found the way the desk finds it. */
export async function occupiedRoom(t: TestApp, communityId: string, index = 0): Promise<RoomPick> {
  const clerk = await t.login(communityId === t.yg ? 'yg.clerk' : 'ch.clerk');
  const res = await t.call(clerk, { method: 'GET', url: `/api/rooms?communityId=${communityId}` });
  const rooms = (res.json() as { id: string; residents: { id: string; name: string; phone: string }[] }[]).filter(
    (r) => r.residents.length > 0,
  );
  const room = rooms[index % rooms.length]!;
  const person = room.residents[0]!;
  return { roomId: room.id, residentId: person.id, name: person.name, phone: person.phone };
}

/** Records a repair at the desk and returns the created order. */
export async function createRepair(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  options: { communityId?: string; clerk?: string; roomIndex?: number } = {},
) {
  const communityId = options.communityId ?? t.yg;
  const room = await occupiedRoom(t, communityId, options.roomIndex ?? 0);
  const clerk = await t.login(options.clerk ?? (communityId === t.yg ? 'yg.clerk' : 'ch.clerk'));
  const res = await t.call(clerk, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: {
      communityId,
      roomId: room.roomId,
      residentId: room.residentId,
      reporterName: room.name,
      reporterPhone: room.phone,
      category: 'plumbing',
      area: 'in_home',
      urgency: 'normal',
      timing: 'immediate',
      content: '厨房水管漏水',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return { order: res.json() as { id: string; number: string; status: string } & Record<string, unknown>, room };
}

/** The verification code texted for an order, read from the SMS outbox as the admin would. */
export async function codeFor(t: TestApp, orderNumber: string): Promise<string> {
  const admin = await t.login('admin');
  const res = await t.call(admin, { method: 'GET', url: '/api/outbox' });
  const msg = (res.json() as { body: string }[]).find((m) => m.body.includes(orderNumber));
  const code = msg?.body.match(/验证码(\d{6})/)?.[1];
  if (!code) throw new Error(`no code texted for ${orderNumber}`);
  return code;
}

export async function act(t: TestApp, cookie: string, orderId: string, action: string, payload: Record<string, unknown> = {}) {
  return t.call(cookie, { method: 'POST', url: `/api/repair-orders/${orderId}/${action}`, payload });
}
