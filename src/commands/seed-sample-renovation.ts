import { asc, eq } from 'drizzle-orm';
import { addDays, localDateOf } from '../domain/calendar/work-calendar.js';
import { requiredDocuments, type WorkItems } from '../domain/renovation/documents.js';
import { residents, rooms } from '../db/schema/index.js';
import { type Deps, loadPolicy } from './context.js';
import { uploadRenovationDocument } from './renovation/renovation-files.js';
import { createRenovation } from './renovation/create-renovation.js';
import { demoStaff } from './seed-sample-orders.js';
import type { DemoSummary } from './seed-demo.js';
import { runTicketAction } from './tickets/engine.js';

/** A one-page PDF standing in for a scanned drawing. */
const samplePdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Sample renovations of 阳光花园 through the real commands: one in works (permit issued, patrols
 * due today) and one whose file waits for the clerk's check.
 */
export async function seedSampleRenovation(deps: Deps, demo: DemoSummary): Promise<void> {
  const db = deps.database.db;
  const yg = demo.communities.find((c) => c.code === 'YG');
  if (!yg) return;
  const homes = await db
    .select({ roomId: rooms.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .innerJoin(rooms, eq(rooms.id, residents.roomId))
    .where(eq(residents.communityId, yg.id))
    .orderBy(asc(residents.phone));
  if (homes.length < 2) return;
  const [clerk, csManager, engineering, finance] = await Promise.all(
    ['yg.clerk', 'yg.csmanager', 'yg.engsup', 'yg.finance'].map((u) => demoStaff(deps, u)),
  );
  const policy = await loadPolicy(db, demo.companyId, yg.id);
  const today = localDateOf(deps.clock.now(), policy.timezone);
  const apply = async (home: (typeof homes)[number], workItems: WorkItems, description: string, contractor: string) => {
    const { id } = await createRenovation(deps, clerk!, {
      communityId: yg.id,
      roomId: home.roomId,
      applicantName: home.name,
      applicantPhone: home.phone,
      contractorCompany: contractor,
      contractorContact: '陈工',
      contractorPhone: '13912345678',
      plannedStartDate: today,
      plannedEndDate: addDays(today, 60),
      workItems,
      description,
      isAgreementSigned: true,
    });
    for (const code of requiredDocuments(workItems)) {
      await uploadRenovationDocument(deps, clerk!, id, { code, isSigned: true, bytes: samplePdf, filename: `${code}.pdf` });
    }
    return id;
  };

  const inWorks = await apply(
    homes[5 % homes.length]!,
    { walls: true, pipes: true, electrical: true, duplex: false, ceiling: true, waterproofing: true },
    '全屋翻新：客厅吊顶、卫生间改造（重做防水）、厨房水电改造',
    '安居装饰工程有限公司',
  );
  await runTicketAction(deps, clerk!, inWorks, 'renovation', 'pass_check', {});
  await runTicketAction(deps, csManager!, inWorks, 'renovation', 'approve', {});
  await runTicketAction(deps, engineering!, inWorks, 'renovation', 'approve', {});
  await runTicketAction(deps, finance!, inWorks, 'renovation', 'record_payment', {
    fees: [
      { name: '装修管理费', amountCents: 60_000 },
      { name: '垃圾清运费', amountCents: 30_000 },
    ],
    depositCents: 300_000,
    receiptNumber: 'SJ-DEMO-0001',
  });

  await apply(
    homes[9 % homes.length]!,
    { walls: false, pipes: true, electrical: true, duplex: false, ceiling: false, waterproofing: false },
    '厨房橱柜更换及水电改造',
    '美居家装有限公司',
  );
}
