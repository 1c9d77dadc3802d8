import type { Deps } from '../commands/context.js';
import { drawDueSampling } from '../commands/visits/sampling.js';
import { makeDueOwnerVisitPlans } from '../commands/owner-visits/plans.js';
import { issueDueQuestionnaires } from '../commands/questionnaires/manage.js';
import { generateDueReports } from '../commands/reports/generate-reports.js';

/**
 * The scheduler's periodic duties, run hourly and at start-up: each is idempotent (it does what is
 * due and not yet done, so a second run or a second server process does nothing twice) and
 * resolves with how much it did. Adding a duty is adding one line here.
 */
export const periodicDuties: readonly { name: string; run: (deps: Deps) => Promise<number> }[] = [
  // 抽样回访: last month's sampling visits, drawn once a month.
  { name: 'sampling', run: drawDueSampling },
  // 业户访问: this month's owner-visit plan (quota) of every community, made once.
  { name: 'owner-visit-plans', run: makeDueOwnerVisitPlans },
  // 问卷调查: June and December, this period's questionnaire issued to every occupied household, once.
  { name: 'questionnaires', run: issueDueQuestionnaires },
  // 月报: last month's complaint report and owner-visit summary, made once; drafts past the due day flagged overdue.
  { name: 'monthly-reports', run: generateDueReports },
];
