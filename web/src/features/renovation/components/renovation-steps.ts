import type { RenovationSummary } from '../api/renovations';

type Status = RenovationSummary['status'];

/** The procedure as the desk tells it to residents ([001]). */
export const stepKeys = ['apply', 'check', 'csReview', 'engReview', 'payment', 'works', 'inspection', 'refund', 'closed'] as const;

const indexOf: Record<Status, number> = {
  submitted: 1,
  returned: 1,
  withdrawn: 1,
  cs_review: 2,
  eng_review: 3,
  approved: 4,
  in_works: 5,
  stopped: 5,
  inspection_booked: 6,
  inspection_failed: 6,
  refund_due: 7,
  closed: 8,
};

/** Which step the renovation is at. */
export const stepIndex = (s: Status): number => indexOf[s];

/** Whether the current step is going, stuck (returned, stopped, failed, withdrawn) or all done. */
export function stepStatus(s: Status): 'process' | 'error' | 'finish' {
  if (s === 'closed') return 'finish';
  if (s === 'returned' || s === 'withdrawn' || s === 'stopped' || s === 'inspection_failed') return 'error';
  return 'process';
}
