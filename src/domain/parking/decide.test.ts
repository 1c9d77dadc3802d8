import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyForParking, decideParking } from './decide.js';
import { fireParkingTimer } from './fire-timer.js';
import { cardIn, CLERK, ctxOf, FINANCE, NOW, RESIDENT, SYSTEM } from './test-support.js';

const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};
const payment = { amountCents: 360000, months: 12, receiptNo: 'SJ-0001' };

describe('applying for a space', () => {
  it('takes a plate written any way and stores it plainly', () => {
    expect(
      applyForParking({ plateNumber: '沪a·12345', vehicleModel: '大众朗逸', driverName: '张三' }, { actor: RESIDENT }).plateNumber,
    ).toBe('沪A12345');
    expect(applyForParking({ plateNumber: '沪AD12345', vehicleModel: '比亚迪', driverName: '张三' }, { actor: CLERK }).plateNumber).toBe(
      '沪AD12345',
    );
  });
  it('lists every problem at once', () => {
    const e = refusal(() => applyForParking({ plateNumber: '12345', vehicleModel: ' ', driverName: '' }, { actor: RESIDENT }));
    expect(e.fields.map((f) => f.field)).toEqual(['plateNumber', 'vehicleModel', 'driverName']);
  });
});

describe('the desk, the cashier and the card', () => {
  it('assigns a free space and holds it', () => {
    const d = decideParking(cardIn('submitted'), { action: 'assign', space: { id: 's1', status: 'free' } }, ctxOf(CLERK));
    expect(d.to).toBe('assigned');
    expect(d.effects.space).toEqual({ id: 's1', status: 'reserved', isHeld: true });
    expect(
      refusal(() => decideParking(cardIn('submitted'), { action: 'assign', space: { id: 's1', status: 'occupied' } }, ctxOf(CLERK))).code,
    ).toBe('space_taken');
  });
  it('records the vehicle against the room when the agreement is signed', () => {
    const d = decideParking(cardIn('assigned', { spaceId: 's1' }), { action: 'sign_agreement' }, ctxOf(CLERK));
    expect(d.to).toBe('signed');
    expect(d.effects.vehicle).toBe('record');
    expect(d.notices[0]?.roles).toEqual(['finance']);
  });
  it('takes the fee at the cashier, and only there', () => {
    expect(decideParking(cardIn('signed'), { action: 'pay', ...payment }, ctxOf(FINANCE)).effects.payment).toEqual(payment);
    expect(refusal(() => decideParking(cardIn('signed'), { action: 'pay', ...payment }, ctxOf(CLERK))).kind).toBe('forbidden');
    const e = refusal(() => decideParking(cardIn('signed'), { action: 'pay', amountCents: 0, months: 0, receiptNo: '' }, ctxOf(FINANCE)));
    expect(e.fields.map((f) => f.field)).toEqual(['amountCents', 'months', 'receiptNo']);
  });
  it('issues the card for the months paid, occupies the space and sets the expiry timers', () => {
    const d = decideParking(
      cardIn('paid', { spaceId: 's1', paidMonths: 12 }),
      { action: 'issue_card', cardNumber: ' YG-0001 ' },
      ctxOf(CLERK),
    );
    expect(d.to).toBe('active');
    expect(d.patch).toMatchObject({ cardNumber: 'YG-0001', validFrom: '2026-11-25', validTo: '2027-11-24' });
    expect(d.effects.space?.status).toBe('occupied');
    expect(d.schedule.map((t) => [t.kind, t.dueAt.toISOString()])).toEqual([
      ['expiry_reminder', '2027-11-09T16:00:00.000Z'],
      ['card_expiry', '2027-11-24T16:00:00.000Z'],
    ]);
  });
  it('refuses a card starting in the past', () => {
    expect(
      refusal(() =>
        decideParking(cardIn('paid', { paidMonths: 1 }), { action: 'issue_card', cardNumber: 'A1', validFrom: '2026-11-24' }, ctxOf(CLERK)),
      ).fields[0]?.field,
    ).toBe('validFrom');
  });
  it('renews an expired card from today and a live one from its end', () => {
    const live = decideParking(
      cardIn('active', { validFrom: '2026-01-01', validTo: '2026-12-31' }),
      { action: 'renew', ...payment },
      ctxOf(FINANCE),
    );
    expect(live.patch.validTo).toBe('2027-12-31');
    expect(live.cancel).toEqual(['expiry_reminder', 'card_expiry']);
    const lapsed = decideParking(
      cardIn('expired', { validFrom: '2025-01-01', validTo: '2025-12-31' }),
      { action: 'renew', ...payment, months: 1 },
      ctxOf(FINANCE),
    );
    expect(lapsed.to).toBe('active');
    expect(lapsed.patch).toMatchObject({ validFrom: '2026-11-25', validTo: '2026-12-24' });
  });
  it('frees the space and takes the vehicle off the register on cancel', () => {
    const d = decideParking(
      cardIn('active', { spaceId: 's1', agreementSignedAt: NOW }),
      { action: 'cancel', reason: '车辆已出售' },
      ctxOf(CLERK),
    );
    expect(d.effects).toEqual({ space: { id: 's1', status: 'free', isHeld: false }, vehicle: 'remove' });
  });
  it('lets a household withdraw its application only before the desk handles it', () => {
    expect(decideParking(cardIn('submitted'), { action: 'cancel', reason: '不需要了' }, ctxOf(RESIDENT)).to).toBe('cancelled');
    expect(refusal(() => decideParking(cardIn('assigned'), { action: 'cancel', reason: '不需要了' }, ctxOf(RESIDENT))).code).toBe(
      'handled_already',
    );
  });
});

describe('the expiry timers', () => {
  it('reminds the desk before the end and expires the card after it', () => {
    const card = cardIn('active', { validTo: '2027-11-24', cardNumber: 'YG-0001' });
    const r = fireParkingTimer(card, { kind: 'expiry_reminder' });
    expect(r.kind === 'remind' && r.notices[0]?.title.zh).toContain('2027-11-24');
    expect(fireParkingTimer(card, { kind: 'card_expiry' })).toEqual({ kind: 'step', action: 'expire' });
    expect(decideParking(card, { action: 'expire' }, ctxOf(SYSTEM)).to).toBe('expired');
  });
  it('does nothing to a card no longer active', () => {
    expect(fireParkingTimer(cardIn('cancelled'), { kind: 'card_expiry' })).toEqual({ kind: 'moot' });
  });
});
