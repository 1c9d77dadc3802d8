import { ManualClock } from '../domain/shared/clock.js';
import type { Tick } from '../domain/stats/satisfaction.js';
import { localDateOf } from '../domain/calendar/work-calendar.js';
import { type Deps, loadPolicy } from './context.js';
import { enterPaperAnswer } from './questionnaires/answers.js';
import { createQuestionnaire, getQuestionnaire, issueQuestionnaire } from './questionnaires/manage.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';

const items = ['客户服务态度', '报修维修及时性', '安全管理', '清洁卫生', '绿化养护', '公共设施维护', '收费透明度'];
const comments = ['希望增加夜间巡逻', '垃圾清运可以更及时一些', '电梯维修后仍有异响', '绿化带杂草较多'];

/** The ticks of household `h` on item `i`: mostly content, cleaning and facilities weaker, now and then a blank or two marks. */
function ticksOf(h: number, i: number): Tick[] {
  const roll = (h * 7 + i * 13) % 20;
  if (roll === 19) return [];
  if (roll === 18) return ['satisfied', 'unsatisfied'];
  const weak = i === 3 ? 6 : i === 5 ? 4 : i === 1 ? 2 : 1;
  if (roll < weak) return ['unsatisfied'];
  return roll % 3 === 0 ? ['basically_satisfied'] : ['satisfied'];
}

/**
 * A sample questionnaire of 阳光花园, issued a week ago to every occupied household, with the paper
 * forms of about half of them entered by the clerk (so the statistics, the recovery penalty and the
 * Pareto have something to show). The first households are left unanswered: the demo residents
 * find it waiting on their phone.
 */
export async function seedSampleQuestionnaires(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const supervisor = await demoStaff(deps, 'yg.cssup');
  const clerk = await demoStaff(deps, 'yg.clerk');
  const weekAgo = new ManualClock(new Date(deps.clock.now().getTime() - 7 * 24 * 60 * 60_000));
  const then: Deps = { ...deps, clock: weekAgo };
  const { timezone } = await loadPolicy(deps.database.db, demo.companyId, yg.id);
  const period = localDateOf(weekAgo.now(), timezone).slice(0, 7);
  const id = await createQuestionnaire(then, supervisor, {
    communityId: yg.id,
    title: `${period.slice(0, 4)}年业户满意度问卷调查`,
    period,
    items: items.map((text) => ({ text })),
  });
  await issueQuestionnaire(then, supervisor, id);
  const q = await getQuestionnaire(then, supervisor, id);
  const answering = q.households.slice(5, 5 + Math.round(q.households.length * 0.5));
  for (const [h, household] of answering.entries()) {
    weekAgo.advanceMinutes(90);
    await enterPaperAnswer(then, clerk, id, {
      roomId: household.roomId,
      answers: q.items.map((item, i) => ({ itemId: item.id, ticks: ticksOf(h, i) })),
      comment: h % 6 === 0 ? comments[(h / 6) % comments.length] : undefined,
    });
  }
}
