import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/commands/auth.js';
import type { Deps } from '../../src/commands/context.js';
import { demoPassword } from '../../src/commands/seed-demo.js';
import { buildings, communities, companies, notifications, residents, rooms, users } from '../../src/db/schema/index.js';

/** A second tenant, to prove that nothing of one company is visible to another. */
export interface SecondCompany {
  companyId: string;
  communityId: string;
  buildingId: string;
  roomId: string;
  residentId: string;
  residentName: string;
  /** 137…: never one of the demo's 138… resident or 139… staff phones. */
  residentPhone: string;
  adminId: string;
  clerkId: string;
  /** Password: demoPassword (demo1234). */
  adminUsername: string;
  clerkUsername: string;
}

/**
 * Inserts company "OTHER" with one community (OT 他山小区), one building, one room with one
 * resident, and two staff: a company-level admin and a clerk of the community.
 */
export async function seedSecondCompany(deps: Deps): Promise<SecondCompany> {
  const passwordHash = await hashPassword(demoPassword);
  const ids = {
    companyId: randomUUID(),
    communityId: randomUUID(),
    buildingId: randomUUID(),
    roomId: randomUUID(),
    residentId: randomUUID(),
    adminId: randomUUID(),
    clerkId: randomUUID(),
  };
  const { companyId, communityId, buildingId, roomId } = ids;
  const company: SecondCompany = {
    ...ids,
    residentName: '他山业主',
    residentPhone: '13700000001',
    adminUsername: 'other.admin',
    clerkUsername: 'other.clerk',
  };
  await deps.database.db.transaction(async (tx) => {
    await tx.insert(companies).values({ id: companyId, name: '他山物业有限公司', code: 'OTHER' });
    await tx.insert(communities).values({ id: communityId, companyId, name: '他山小区', code: 'OT', address: '山前路1号' });
    await tx.insert(buildings).values({ id: buildingId, companyId, communityId, name: '1号楼', handoverDate: '2020-01-01', sortOrder: 0 });
    await tx.insert(rooms).values({ id: roomId, companyId, communityId, buildingId, unit: '1', number: '101', floor: 1, areaSqm: 90 });
    await tx.insert(residents).values({
      id: company.residentId,
      companyId,
      communityId,
      roomId,
      name: company.residentName,
      phone: company.residentPhone,
      relation: 'owner',
    });
    await tx.insert(users).values([
      {
        id: company.adminId,
        companyId,
        communityId: null,
        username: company.adminUsername,
        passwordHash,
        name: '他山管理员',
        phone: '13700000091',
        role: 'admin',
        department: 'management',
      },
      {
        id: company.clerkId,
        companyId,
        communityId,
        username: company.clerkUsername,
        passwordHash,
        name: '他山前台',
        phone: '13700000092',
        role: 'clerk',
        department: 'customer_service',
      },
    ]);
  });
  return company;
}

/**
 * Stores a notification addressed to a role (no particular person). The app itself addresses
 * company-level roles rarely, so tests that must prove company isolation for them insert one.
 */
export async function insertRoleNotification(
  deps: Deps,
  n: { companyId: string; communityId: string | null; role: string; title: string },
): Promise<string> {
  const id = randomUUID();
  await deps.database.db.insert(notifications).values({
    id,
    companyId: n.companyId,
    communityId: n.communityId,
    userId: null,
    role: n.role,
    ticketId: null,
    kind: 'test',
    titleZh: n.title,
    titleEn: n.title,
    body: '',
    createdAt: deps.clock.now(),
  });
  return id;
}
