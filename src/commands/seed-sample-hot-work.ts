import type { Deps } from './context.js';
import { applyHotWork } from './hot-work/apply-hot-work.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';
import { runTicketAction } from './tickets/engine.js';

const HOUR = 3600_000;

/**
 * Sample hot work of 阳光花园 through the real commands: one permit under way today (approved by
 * CS and engineering, its window started, inspected once by security) and one awaiting CS approval.
 */
export async function seedSampleHotWork(deps: Deps, demo: DemoSummary): Promise<void> {
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const clerk = await demoStaff(deps, 'yg.clerk');
  const now = deps.clock.now();
  const form = {
    communityId: yg.id,
    applicantCompany: '宏达装饰工程有限公司',
    personInCharge: '李工',
    personInChargePhone: '13812345678',
    operatorName: '张师傅',
    operatorCertificateNo: 'T320102198001011234',
    location: '3栋地下车库消防管道',
    workType: 'welding' as const,
    reason: '更换锈蚀的消防管道支架',
    windowStartAt: now.toISOString(),
    windowEndAt: new Date(now.getTime() + 4 * HOUR).toISOString(),
    extinguisherCount: 2,
    fireWatcherName: '王五',
    hasClearedCombustibles: true,
  };
  const active = await applyHotWork(deps, clerk, form);
  await runTicketAction(deps, await demoStaff(deps, 'yg.cssup'), active.id, 'hot_work', 'approve_cs', {});
  await runTicketAction(deps, await demoStaff(deps, 'yg.engsup'), active.id, 'hot_work', 'approve_engineering', {});
  await runTicketAction(deps, await demoStaff(deps, 'yg.security'), active.id, 'hot_work', 'inspect', {
    findings: 'ok',
    note: '监护到位，灭火器齐全',
  });

  await applyHotWork(deps, clerk, {
    ...form,
    applicantCompany: '安达空调安装服务部',
    personInCharge: '赵师傅',
    operatorName: '赵师傅',
    location: '会所屋面',
    workType: 'cutting',
    reason: '切割拆除旧空调支架',
    windowStartAt: new Date(now.getTime() + 24 * HOUR).toISOString(),
    windowEndAt: new Date(now.getTime() + 27 * HOUR).toISOString(),
  });
}
