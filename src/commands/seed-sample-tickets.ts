import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CreateComplaintBody } from '../contract/complaint.js';
import { buildings, residents, rooms } from '../db/schema/index.js';
import { createComplaint } from './complaints/create-complaint.js';
import { logContact } from './intake/log-contact.js';
import { createMatter } from './matters/create-matter.js';
import type { Deps } from './context.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';
import { runTicketAction } from './tickets/engine.js';

/**
 * Sample complaints, duty-log entries and matters of 阳光花园, through the real commands, so the
 * screens are not empty on a newcomer's first start: a complaint waiting to be classified, one
 * whose complainant must be called back, one answered and waiting for its follow-up visit, one the
 * company complaint centre forwarded; a consultation answered on the spot and one due a reply; a
 * matter with the cleaning department.
 */
export async function seedSampleTickets(deps: Deps, demo: DemoSummary): Promise<void> {
  const db = deps.database.db;
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const homes = await db
    .select({ roomId: rooms.id, residentId: residents.id, buildingId: rooms.buildingId, name: residents.name, phone: residents.phone })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(and(eq(residents.communityId, yg.id), isNotNull(residents.phone)))
    .orderBy(asc(residents.phone));
  const [firstBuilding] = await db.select().from(buildings).where(eq(buildings.communityId, yg.id)).orderBy(asc(buildings.name)).limit(1);
  const clerk = await demoStaff(deps, 'yg.clerk');
  const supervisor = await demoStaff(deps, 'yg.cssup');
  const centre = await demoStaff(deps, 'centre');
  const complaint = (i: number, body: Partial<CreateComplaintBody>) => {
    const h = homes[(i * 11) % homes.length]!;
    return createComplaint(deps, clerk, {
      communityId: yg.id,
      complainantName: '',
      residentId: h.residentId,
      householdIds: [h.roomId],
      channel: 'phone',
      form: 'oral',
      content: '',
      isForwarded: false,
      ...body,
    });
  };

  await complaint(1, {
    content: '楼上装修每天早上七点就开始电钻，严重影响休息，已经持续一周',
    ...(firstBuilding ? { buildingId: firstBuilding.id } : {}),
  });

  const gate = await complaint(2, { content: '小区东门道闸经常抬不起来，车辆进出排长队', facility: '东门道闸' });
  await runTicketAction(deps, supervisor, gate.id, 'complaint', 'classify', {
    complaintClass: 'valid',
    reason: '道闸维护不到位，属管理服务问题',
  });

  const fee = await complaint(3, { content: '物业费通知单金额与去年不同，怀疑多收', channel: 'walk_in' });
  await runTicketAction(deps, supervisor, fee.id, 'complaint', 'classify', {
    complaintClass: 'invalid',
    reason: '收费标准经业主大会通过，向业主解释即可',
  });
  await runTicketAction(deps, clerk, fee.id, 'complaint', 'reply', {
    method: 'phone',
    hasWrittenCopy: false,
    summary: '已电话说明今年收费标准调整的依据及公示时间，业主表示理解',
  });

  const forwarded = homes[(4 * 11) % homes.length]!;
  await createComplaint(
    deps,
    centre,
    {
      communityId: yg.id,
      complainantName: '',
      residentId: forwarded.residentId,
      householdIds: [forwarded.roomId],
      channel: 'phone',
      form: 'oral',
      content: '公司投诉热线转来：地下车库照明昏暗，多盏灯不亮',
      isForwarded: true,
    },
    { isForwardedByCentre: true },
  );

  const caller = homes[(5 * 11) % homes.length]!;
  await logContact(deps, clerk, {
    communityId: yg.id,
    channel: 'phone',
    callerName: caller.name,
    callerPhone: caller.phone,
    roomId: caller.roomId,
    content: '咨询物业费可以用什么方式缴纳',
    triage: { category: 'consultation', isAnsweredOnSpot: true, answer: '可在业主App、前台刷卡或银行代扣缴纳' },
  });
  const asker = homes[(6 * 11) % homes.length]!;
  await logContact(deps, clerk, {
    communityId: yg.id,
    channel: 'wechat',
    callerName: asker.name,
    callerPhone: asker.phone,
    roomId: asker.roomId,
    content: '想了解小区快递柜何时增设',
    triage: { category: 'consultation' },
  });
  const matter = await createMatter(deps, clerk, {
    communityId: yg.id,
    category: '环境卫生',
    content: '2栋地下车库入口有大量落叶和积水，需要清扫',
    location: '2栋地下车库入口',
  });
  await runTicketAction(deps, supervisor, matter.id, 'matter', 'hand_over', { department: 'cleaning', note: '请今天下班前清理' });
}
