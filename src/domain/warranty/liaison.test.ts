import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.js';
import { DomainError } from '../shared/errors.js';
import { actorFor, bj, everyone, SYSTEM, staff, T0 } from '../shared/test-actors.js';
import { decideLiaison, type Liaison, type LiaisonCommand, sendLiaison } from './decide.js';
import { fireLiaisonTimer } from './fire-timer.js';
import { type LiaisonAction, liaisonActions, liaisonActionsFor, liaisonRules, liaisonStatuses } from './machine.js';
import { defaultWarrantyPolicy } from './policy.js';

const policy = defaultWarrantyPolicy();
const CLERK = staff('clerk');
const SUP = staff('cs_supervisor');
const DEV = staff('developer_liaison');
const ctx = (actor: Actor, now = T0) => ({ actor, policy, now });
const form = (status: Liaison['status'], extra: Partial<Liaison> = {}): Liaison => ({
  status,
  flags: [],
  itemCount: 1,
  repairBy: null,
  ...extra,
});
const later = bj('2026-12-05T18:00:00');

const commandFor = (action: LiaisonAction): LiaisonCommand => {
  switch (action) {
    case 'receive':
      return { action, receiverName: '技术质量部 张部长' };
    case 'reply':
      return { action, plan: '更换卫生间防水层', repairBy: later };
    case 'report_repaired':
      return { action, note: '已重做防水，闭水试验合格' };
    case 'record_visit':
      return { action, signature: 'signed' };
    case 'chase':
      return { action, note: '请尽快答复' };
    case 'cancel':
      return { action, reason: '重复开单' };
  }
};

describe('the liaison form (工作联系单) step by step', () => {
  it('goes to the developer at once and starts the reply clock of the policy', () => {
    const sent = sendLiaison(2, ctx(CLERK));
    expect(sent.status).toBe('awaiting_receipt');
    expect(sent.schedule).toEqual([{ kind: 'reply_due', dueAt: bj('2026-11-28T09:00:00'), level: 0 }]);
    expect(sent.notices[0]?.roles).toEqual(['developer_liaison']);
  });

  it('needs at least one defect listed', () => {
    expect(() => sendLiaison(0, ctx(CLERK))).toThrow(DomainError);
  });

  it('is signed for by the developer liaison, who names the receiver', () => {
    const d = decideLiaison(form('awaiting_receipt'), commandFor('receive'), ctx(DEV));
    expect(d.to).toBe('awaiting_reply');
    expect(d.patch.receiverName).toBe('技术质量部 张部长');
    expect(() => decideLiaison(form('awaiting_receipt'), { action: 'receive', receiverName: ' ' }, ctx(DEV))).toThrow(DomainError);
  });

  it('the reply sets a plan and a date, stops the reply clock and starts the repair-date clock', () => {
    const d = decideLiaison(form('awaiting_reply', { flags: ['reply_overdue'] }), commandFor('reply'), ctx(DEV));
    expect(d.to).toBe('repair_scheduled');
    expect(d.cancel).toEqual(['reply_due']);
    expect(d.schedule).toEqual([{ kind: 'repair_due', dueAt: later, level: 0 }]);
    expect(d.patch.flags).toEqual([]);
  });

  it('refuses a repair date in the past, on the field', () => {
    try {
      decideLiaison(form('awaiting_reply'), { action: 'reply', plan: '修', repairBy: bj('2026-11-24T00:00:00') }, ctx(DEV));
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).fields[0]?.field).toBe('repairBy');
    }
  });

  it('reported repaired: the office is told to visit', () => {
    const d = decideLiaison(form('repair_scheduled', { repairBy: later }), commandFor('report_repaired'), ctx(DEV));
    expect(d.to).toBe('repaired');
    expect(d.cancel).toEqual(['repair_due']);
    expect(d.notices[0]?.roles).toContain('clerk');
  });

  it('closes after the visit whether the resident signs or refuses, a refusal needing its reason', () => {
    expect(decideLiaison(form('repaired'), commandFor('record_visit'), ctx(CLERK)).to).toBe('closed');
    expect(() => decideLiaison(form('repaired'), { action: 'record_visit', signature: 'refused' }, ctx(CLERK))).toThrow(DomainError);
    const refused = decideLiaison(form('repaired'), { action: 'record_visit', signature: 'refused', comment: '仍有渗水' }, ctx(CLERK));
    expect(refused.patch.residentSignature).toBe('refused');
  });

  it('lets the office chase the developer while open, telling the developer liaison', () => {
    const d = decideLiaison(form('awaiting_reply'), commandFor('chase'), ctx(SUP));
    expect(d.to).toBe('awaiting_reply');
    expect(d.notices[0]?.roles).toEqual(['developer_liaison']);
  });

  it('does not let the office sign for the developer, nor the developer visit the resident', () => {
    expect(() => decideLiaison(form('awaiting_receipt'), commandFor('receive'), ctx(CLERK))).toThrow(DomainError);
    expect(() => decideLiaison(form('repaired'), commandFor('record_visit'), ctx(DEV))).toThrow(DomainError);
  });

  it.each(liaisonStatuses.flatMap((s) => everyone.flatMap((who) => liaisonActions.map((a) => [s, who, a] as const))))(
    'state %s · %s · %s follows the table',
    (status, who, action) => {
      const rule = liaisonRules[action];
      const allowed = rule.from.includes(status) && rule.who.includes(who);
      const run = () => decideLiaison(form(status, { repairBy: later }), commandFor(action), ctx(actorFor(who)));
      if (allowed) expect(run().event.type).toBe(rule.event);
      else expect(run).toThrow(DomainError);
      expect(liaisonActionsFor(status, who).includes(action)).toBe(allowed);
    },
  );
});

describe('the developer is chased when late', () => {
  it('flags a form not answered within the reply time and chases again each interval', () => {
    const r = fireLiaisonTimer({ status: 'awaiting_receipt' }, { kind: 'reply_due', level: 0 }, policy, T0);
    expect(r.flag).toBe('reply_overdue');
    expect(r.notices.flatMap((n) => n.roles)).toEqual(['developer_liaison', 'cs_supervisor']);
    expect(r.next).toEqual({ kind: 'reply_due', dueAt: bj('2026-11-26T09:00:00'), level: 1 });
  });

  it('flags a repair past its promised date', () => {
    expect(fireLiaisonTimer({ status: 'repair_scheduled' }, { kind: 'repair_due', level: 0 }, policy, T0).flag).toBe('repair_overdue');
  });

  it('does nothing once the developer has answered or repaired', () => {
    expect(fireLiaisonTimer({ status: 'repair_scheduled' }, { kind: 'reply_due', level: 0 }, policy, T0).isRelevant).toBe(false);
    expect(fireLiaisonTimer({ status: 'repaired' }, { kind: 'repair_due', level: 2 }, policy, T0).isRelevant).toBe(false);
  });
});

describe('liaison forms under random steps (property)', () => {
  const people = [CLERK, SUP, DEV, staff('director'), staff('technician'), staff('finance'), SYSTEM];
  it('only ever moves along the table, never out of a closed or cancelled form, and keeps flags consistent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...liaisonActions, 'timer' as const), fc.constantFrom(...people), fc.boolean()), {
          maxLength: 30,
        }),
        (steps) => {
          let f = form('awaiting_receipt');
          let now = T0;
          for (const [action, who, isLate] of steps) {
            now = new Date(now.getTime() + 3_600_000);
            if (action === 'timer') {
              const kind = isLate ? 'reply_due' : 'repair_due';
              const r = fireLiaisonTimer(f, { kind, level: 0 }, policy, now);
              if (r.flag && !f.flags.includes(r.flag)) f = { ...f, flags: [...f.flags, r.flag] };
              continue;
            }
            const before = f.status;
            try {
              const cmd = commandFor(action);
              const d = decideLiaison(
                f,
                cmd.action === 'reply' ? { ...cmd, repairBy: new Date(now.getTime() + 86_400_000) } : cmd,
                ctx(who, now),
              );
              expect(liaisonRules[action].from).toContain(before);
              f = { ...f, status: d.to, flags: d.patch.flags ?? f.flags, repairBy: d.patch.repairBy ?? f.repairBy };
            } catch (e) {
              expect(e).toBeInstanceOf(DomainError);
              expect(f.status).toBe(before);
            }
            if (before === 'closed' || before === 'cancelled') expect(f.status).toBe(before);
            if (f.status === 'cancelled') expect(f.flags).toEqual([]);
            if (['repair_scheduled', 'repaired', 'closed'].includes(f.status)) expect(f.flags).not.toContain('reply_overdue');
          }
        },
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });
});
