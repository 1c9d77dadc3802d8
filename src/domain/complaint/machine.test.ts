import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import {
  actionsFor,
  type ComplaintAction,
  complaintActions,
  complaintRules,
  complaintStatuses,
  openStatuses,
  overdueFlags,
  terminalStatuses,
} from './machine.js';
import { allRoles, expectedAllowed, procedure, stepsByState } from './test-support.js';

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('the complaint lifecycle table (domain.md §4)', () => {
  it('has the states of the procedure, from recorded to archived, in order', () => {
    expect(complaintStatuses).toEqual([
      'recorded',
      'contacting',
      'referring',
      'in_hand',
      'awaiting_signoff',
      'awaiting_reply',
      'replied',
      'closed',
      'merged',
      'withdrawn',
    ]);
  });

  it('ends only in closed, merged or withdrawn', () => {
    expect(sorted(terminalStatuses)).toEqual(['closed', 'merged', 'withdrawn']);
    expect(openStatuses).toEqual(complaintStatuses.filter((s) => !['closed', 'merged', 'withdrawn'].includes(s)));
  });

  it('has exactly the steps of the hand-written procedure, no more and no fewer', () => {
    expect(sorted(complaintActions)).toEqual(sorted(Object.keys(procedure) as ComplaintAction[]));
    expect(new Set(complaintActions).size).toBe(complaintActions.length);
  });

  it.each(complaintActions)('%s starts from the states and is taken by the people the procedure names', (action) => {
    const rule = complaintRules[action];
    const step = procedure[action];
    expect(sorted(rule.from)).toEqual(sorted(step.from));
    expect(sorted(rule.who)).toEqual(sorted(step.who));
    expect(Boolean(rule.complainantOnly)).toBe(Boolean(step.complainantOnly));
    // Classification picks its state from the class; everything else leads where the table says.
    if (action === 'classify') expect(rule.to).toBe('decided');
    else expect(rule.to).toBe(step.to);
  });

  it.each(complaintStatuses)('in state %s allows exactly the steps the procedure allows there', (status) => {
    const fromTable = complaintActions.filter((a) => complaintRules[a].from.includes(status));
    expect(sorted(fromTable)).toEqual(sorted(stepsByState[status]));
  });

  it('reads the same whether the procedure is read by step or by state', () => {
    for (const status of complaintStatuses) {
      const byStep = (Object.keys(procedure) as ComplaintAction[]).filter((a) => procedure[a].from.includes(status));
      expect(sorted(byStep), status).toEqual(sorted(stepsByState[status]));
    }
  });

  it('lets nothing leave a merged or withdrawn complaint, and only the centre report touch a closed one', () => {
    expect(complaintActions.filter((a) => complaintRules[a].from.includes('merged'))).toEqual([]);
    expect(complaintActions.filter((a) => complaintRules[a].from.includes('withdrawn'))).toEqual([]);
    expect(complaintActions.filter((a) => complaintRules[a].from.includes('closed'))).toEqual(['report_to_centre']);
    expect(complaintRules.report_to_centre.to).toBe('same');
  });

  it('lets nothing be withdrawn or merged once the complainant has been answered', () => {
    for (const a of ['withdraw', 'merge'] as const) {
      expect(complaintRules[a].from).not.toContain('replied');
      expect(complaintRules[a].from).not.toContain('closed');
    }
  });

  it('reaches the reply only through the sign-off, except for an invalid or on-the-spot complaint', () => {
    // Only sign_off (and classify, for an invalid complaint) lead to awaiting_reply.
    const into = complaintActions.filter((a) => complaintRules[a].to === 'awaiting_reply' || complaintRules[a].to === 'decided');
    expect(sorted(into)).toEqual(['classify', 'sign_off']);
    expect(complaintRules.reply.from).toEqual(['awaiting_reply']);
  });

  it('gives every step its own past-tense history event', () => {
    const events = Object.fromEntries(complaintActions.map((a) => [a, complaintRules[a].event]));
    expect(events).toEqual({
      classify: 'ComplaintClassified',
      contact: 'ComplainantContacted',
      refer: 'ComplaintReferred',
      update_progress: 'ProgressUpdated',
      escalate: 'ComplaintEscalated',
      file_incident_report: 'IncidentReportFiled',
      record_result: 'ResultRecorded',
      return_result: 'ResultReturned',
      sign_off: 'ResultSignedOff',
      reply: 'ComplainantReplied',
      report_to_centre: 'ResultReportedToCentre',
      visit: 'ComplaintVisited',
      merge: 'ComplaintMerged',
      withdraw: 'ComplaintWithdrawn',
    });
    expect(new Set(Object.values(events)).size).toBe(complaintActions.length);
  });

  it.each([
    ['classify', ['classify_overdue']],
    ['contact', ['contact_overdue']],
    ['refer', ['referral_overdue']],
    ['update_progress', ['progress_update_overdue']],
    ['reply', ['reply_overdue', 'progress_update_overdue']],
    ['report_to_centre', ['centre_report_overdue']],
    ['visit', ['visit_overdue']],
    ['merge', ['classify_overdue', 'contact_overdue', 'referral_overdue', 'reply_overdue', 'progress_update_overdue']],
    ['withdraw', ['classify_overdue', 'contact_overdue', 'referral_overdue', 'reply_overdue', 'progress_update_overdue']],
    ['escalate', []],
    ['sign_off', []],
  ] as const)('%s settles the overdue flags %j', (action, flags) => {
    expect(sorted(complaintRules[action].clears ?? [])).toEqual(sorted(flags));
    for (const f of complaintRules[action].clears ?? []) expect(overdueFlags).toContain(f);
  });

  it('gives the admin, the technician and the resident (but for withdrawing) no part in a complaint', () => {
    for (const status of complaintStatuses) {
      expect(actionsFor(status, 'admin')).toEqual([]);
      expect(actionsFor(status, 'technician')).toEqual([]);
      expect(actionsFor(status, 'resident').filter((a) => a !== 'withdraw')).toEqual([]);
    }
  });
});

describe('actionsFor: what each person may do in each state', () => {
  const cases = complaintStatuses.flatMap((status) => allRoles.map((role) => [status, role] as const));

  it.each(cases)('in %s a %s may do exactly what the procedure says', (status, role) => {
    // Before the signer's department is checked: any department head may be offered the sign-off.
    const expected = complaintActions.filter((a) => procedure[a].from.includes(status) && procedure[a].who.includes(role));
    expect(actionsFor(status, role)).toEqual(expected);
  });

  it('offers the director the steps of a collective complaint: contact, the special incident report, the reply', () => {
    expect(actionsFor('contacting', 'director')).toEqual(['contact', 'escalate', 'file_incident_report', 'merge']);
    expect(actionsFor('awaiting_reply', 'director')).toEqual(['update_progress', 'escalate', 'file_incident_report', 'reply']);
  });

  it('lets only the CS supervisor or the director classify', () => {
    expect(allRoles.filter((r) => actionsFor('recorded', r).includes('classify'))).toEqual(['director', 'cs_supervisor']);
  });

  it('lets the complainant withdraw until answered, and never afterwards', () => {
    expect(complaintStatuses.filter((s) => actionsFor(s, 'resident').includes('withdraw'))).toEqual([
      'recorded',
      'contacting',
      'referring',
      'in_hand',
      'awaiting_signoff',
      'awaiting_reply',
    ]);
  });

  it('agrees with the hand-written expectations for the engineering result of the fixtures', () => {
    expect(allRoles.filter((r) => expectedAllowed('awaiting_signoff', 'sign_off', r))).toEqual(['director', 'eng_supervisor']);
  });

  it('knows every staff role', () => {
    expect(allRoles).toHaveLength(staffRoles.length + 1);
  });
});
