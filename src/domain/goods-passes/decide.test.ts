import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyForGoodsPass, decideGoodsPass, fireGoodsPassTimer, gateVerdict, type GoodsPassContext } from './decide.js';
import { application, at, CLERK, GUARD, policy, RESIDENT, SUPERVISOR } from './test-support.js';

const now = at('2026-11-25T10:00:00+08:00');
const ctx = (over: Partial<GoodsPassContext> = {}): GoodsPassContext => ({
  actor: CLERK,
  isSecurity: false,
  arrearsOwedCents: 0,
  policy,
  now,
  ...over,
});
const gate = (over: Partial<GoodsPassContext> = {}) => ctx({ actor: GUARD, isSecurity: true, ...over });
const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};
const issued = () => application({ status: 'issued', validUntil: at('2026-11-26T10:00:00+08:00') });

describe('applying for a goods pass', () => {
  it('takes the goods list from the desk or from the resident ahead, identity to follow', () => {
    const { pass, event } = applyForGoodsPass({ items: [{ name: ' 冰箱 ', quantity: 1, note: '双门' }] }, RESIDENT);
    expect(pass.status).toBe('applied');
    expect(pass.items).toEqual([{ name: '冰箱', quantity: 1, note: '双门' }]);
    expect(event.data.byResident).toBe(true);
  });
  it('refuses an empty goods list and a quantity that is not a whole number', () => {
    expect(refusal(() => applyForGoodsPass({ items: [] }, CLERK)).fields[0]?.field).toBe('items');
    expect(refusal(() => applyForGoodsPass({ items: [{ name: '椅子', quantity: 1.5 }] }, CLERK)).fields[0]?.field).toBe('items.0.quantity');
  });
  it('never stores a full ID number', () => {
    const e = refusal(() =>
      applyForGoodsPass({ items: [{ name: '椅子', quantity: 2 }], identity: { idLast4: '110101199001011234' } }, CLERK),
    );
    expect(e.fields[0]?.field).toBe('identity.idLast4');
  });
  it('is not for the gate or finance', () => {
    expect(refusal(() => applyForGoodsPass({ items: [{ name: '椅子', quantity: 2 }] }, GUARD)).kind).toBe('forbidden');
  });
});

describe('issuing the pass at the desk', () => {
  it('checks the identity and issues a pass valid for the policy hours, with its expiry timer', () => {
    const d = decideGoodsPass(application(), { action: 'issue' }, ctx());
    expect(d.to).toBe('issued');
    expect(d.patch.validUntil).toEqual(at('2026-11-26T10:00:00+08:00'));
    expect(d.schedule).toEqual([{ kind: 'pass_expiry', dueAt: at('2026-11-26T10:00:00+08:00'), level: 0 }]);
    expect(d.event.type).toBe('PassIssued');
  });
  it('uses the community policy for how long a pass stays valid', () => {
    const d = decideGoodsPass(application(), { action: 'issue' }, ctx({ policy: { validHours: 4 } }));
    expect(d.patch.validUntil).toEqual(at('2026-11-25T14:00:00+08:00'));
  });
  it('asks for the identity when the resident applied ahead on the phone', () => {
    const e = refusal(() => decideGoodsPass(application({ identity: {} }), { action: 'issue' }, ctx()));
    expect(e.fields.map((f) => f.field)).toEqual(['identity.applicantName', 'identity.relation', 'identity.idType', 'identity.idLast4']);
    const d = decideGoodsPass(
      application({ identity: {} }),
      { action: 'issue', identity: { applicantName: '李娜', relation: 'tenant', idType: 'passport', idLast4: 'e123' } },
      ctx(),
    );
    expect(d.patch.identity?.idLast4).toBe('E123');
  });
  it("requires the owner's authorisation for a delegate", () => {
    const delegate = application({ identity: { applicantName: '王强', relation: 'delegate', idType: 'id_card', idLast4: '5678' } });
    expect(refusal(() => decideGoodsPass(delegate, { action: 'issue' }, ctx())).fields[0]?.field).toBe('identity.authorisation');
    expect(decideGoodsPass(delegate, { action: 'issue', identity: { authorisation: '业主电话确认' } }, ctx()).to).toBe('issued');
  });
  it('blocks a household with arrears, naming the amount', () => {
    const e = refusal(() => decideGoodsPass(application(), { action: 'issue' }, ctx({ arrearsOwedCents: 123_450 })));
    expect(e.code).toBe('arrears_outstanding');
    expect(e.text.zh).toContain('¥1234.50');
  });
  it('issues despite arrears once the CS supervisor allowed it with a reason', () => {
    const o = decideGoodsPass(
      application(),
      { action: 'override', reason: '业主已承诺月底缴清' },
      ctx({ actor: SUPERVISOR, arrearsOwedCents: 5000 }),
    );
    expect(o.to).toBe('applied');
    expect(o.event).toEqual({ type: 'ArrearsOverridden', data: { reason: '业主已承诺月底缴清', arrearsOwedCents: 5000 } });
    const d = decideGoodsPass(application({ overrideReason: '业主已承诺月底缴清' }), { action: 'issue' }, ctx({ arrearsOwedCents: 5000 }));
    expect(d.to).toBe('issued');
    expect(d.event.data.isOverridden).toBe(true);
  });
  it('lets only the CS supervisor allow it, and only with a reason', () => {
    expect(refusal(() => decideGoodsPass(application(), { action: 'override', reason: '熟人' }, ctx())).kind).toBe('forbidden');
    expect(
      refusal(() => decideGoodsPass(application(), { action: 'override', reason: ' ' }, ctx({ actor: SUPERVISOR }))).fields[0]?.field,
    ).toBe('reason');
  });
});

describe('at the gate', () => {
  it('releases a valid pass, signed by the guard', () => {
    const d = decideGoodsPass(issued(), { action: 'release', note: '物品相符' }, gate());
    expect(d.to).toBe('released');
    expect(d.patch.releasedByName).toBe(GUARD.name);
    expect(d.cancel).toEqual(['pass_expiry']);
  });
  it('sends the person back to the desk with a reason, and tells the desk', () => {
    const d = decideGoodsPass(issued(), { action: 'return', reason: '物品与放行条不符：多一台洗衣机' }, gate());
    expect(d.to).toBe('returned');
    expect(d.notices[0]?.roles).toEqual(['clerk']);
  });
  it('refuses a pass already used, saying so', () => {
    const used = application({ status: 'released', releasedByName: '门岗 陈', validUntil: at('2026-11-26T10:00:00+08:00') });
    const e = refusal(() => decideGoodsPass(used, { action: 'release' }, gate()));
    expect(e.code).toBe('pass_used');
    expect(e.text.zh).toContain('已使用');
  });
  it('expires a pass found past its time, and refuses it', () => {
    const d = decideGoodsPass(issued(), { action: 'release' }, gate({ now: at('2026-11-26T10:00:00+08:00') }));
    expect(d.to).toBe('expired');
    expect(d.refusal?.code).toBe('pass_expired');
  });
  it('refuses an application not yet issued, and a cancelled or returned pass', () => {
    expect(refusal(() => decideGoodsPass(application(), { action: 'release' }, gate())).code).toBe('pass_not_issued');
    expect(refusal(() => decideGoodsPass(application({ status: 'cancelled' }), { action: 'release' }, gate())).code).toBe('pass_cancelled');
    expect(refusal(() => decideGoodsPass(application({ status: 'returned' }), { action: 'return', reason: 'x' }, gate())).code).toBe(
      'pass_returned',
    );
  });
  it('is for security staff only, not the cleaners', () => {
    expect(refusal(() => decideGoodsPass(issued(), { action: 'release' }, gate({ isSecurity: false }))).code).toBe('not_security');
  });
  it('tells the guard what a looked-up pass is', () => {
    expect(gateVerdict(issued(), now)).toBe('valid');
    expect(gateVerdict(issued(), at('2026-11-26T10:00:00+08:00'))).toBe('expired');
    expect(gateVerdict({ status: 'released', validUntil: null }, now)).toBe('used');
    expect(gateVerdict({ status: 'applied', validUntil: null }, now)).toBe('not_issued');
  });
});

describe('expiry and cancelling', () => {
  it('expires an unused pass when its timer fires, and ignores a pass already used', () => {
    expect(fireGoodsPassTimer(issued(), { kind: 'pass_expiry' }).to).toBe('expired');
    expect(fireGoodsPassTimer({ status: 'released', validUntil: null }, { kind: 'pass_expiry' }).isRelevant).toBe(false);
  });
  it('lets the desk void a pass with a reason, and a resident withdraw only an application', () => {
    expect(decideGoodsPass(issued(), { action: 'cancel', reason: '业主改期' }, ctx()).to).toBe('cancelled');
    expect(decideGoodsPass(application(), { action: 'cancel', reason: '不搬了' }, ctx({ actor: RESIDENT })).to).toBe('cancelled');
    expect(refusal(() => decideGoodsPass(issued(), { action: 'cancel', reason: '不搬了' }, ctx({ actor: RESIDENT }))).code).toBe(
      'already_issued',
    );
  });
});
