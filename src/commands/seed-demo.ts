import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role, StaffRole } from '../domain/access/roles.js';
import { buildings, communities, companies, residents, rooms, users } from '../db/schema/index.js';
import { hashPassword } from './auth.js';
import type { Deps } from './context.js';

export const demoPassword = 'demo1234';
export const demoCompanyCode = 'DEMO';

interface StaffSeed {
  username: string;
  name: string;
  role: StaffRole;
  department: string;
  phone: string;
  skills?: string[];
}

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
];

function communityStaff(prefix: string, phoneBase: number, full: boolean): StaffSeed[] {
  const list: StaffSeed[] = [
    { username: `${prefix}.director`, name: `${prefix === 'yg' ? '孙' : '钱'}主任`, role: 'director', department: 'management', phone: '' },
    {
      username: `${prefix}.cssup`,
      name: `${prefix === 'yg' ? '周' : '郑'}主管`,
      role: 'cs_supervisor',
      department: 'customer_service',
      phone: '',
    },
    {
      username: `${prefix}.clerk`,
      name: `${prefix === 'yg' ? '小林' : '小唐'}（前台）`,
      role: 'clerk',
      department: 'customer_service',
      phone: '',
    },
    {
      username: `${prefix}.engsup`,
      name: `${prefix === 'yg' ? '吴' : '冯'}工（工程主管）`,
      role: 'eng_supervisor',
      department: 'engineering',
      phone: '',
    },
    {
      username: `${prefix}.tech1`,
      name: `${prefix === 'yg' ? '李' : '韩'}师傅`,
      role: 'technician',
      department: 'engineering',
      phone: '',
      skills: ['plumbing', 'doors_windows'],
    },
    {
      username: `${prefix}.tech2`,
      name: `${prefix === 'yg' ? '赵' : '曹'}师傅`,
      role: 'technician',
      department: 'engineering',
      phone: '',
      skills: ['electrical', 'appliance'],
    },
    { username: `${prefix}.finance`, name: `${prefix === 'yg' ? '许' : '何'}会计`, role: 'finance', department: 'finance', phone: '' },
  ];
  if (full) {
    list.push(
      { username: `${prefix}.csmanager`, name: '郑经理（客服）', role: 'cs_manager', department: 'customer_service', phone: '' },
      { username: `${prefix}.clerk2`, name: '小陈（前台）', role: 'clerk', department: 'customer_service', phone: '' },
      {
        username: `${prefix}.tech3`,
        name: '钱师傅',
        role: 'technician',
        department: 'engineering',
        phone: '',
        skills: ['equipment', 'public_area'],
      },
      { username: `${prefix}.security`, name: '保安队长 马', role: 'department_staff', department: 'security', phone: '' },
      { username: `${prefix}.cleaning`, name: '保洁领班 郭', role: 'department_staff', department: 'cleaning', phone: '' },
      { username: `${prefix}.landscaping`, name: '绿化组长 罗', role: 'department_staff', department: 'landscaping', phone: '' },
      { username: `${prefix}.developer`, name: '开发商联络人 高', role: 'developer_liaison', department: 'developer', phone: '' },
    );
  }
  // 门岗保安: the gate guard who checks goods passes (last, so nobody else's phone number moves).
  list.push({
    username: `${prefix}.guard`,
    name: `门岗保安 ${prefix === 'yg' ? '陈' : '蒋'}`,
    role: 'department_staff',
    department: 'security',
    phone: '',
  });
  return list.map((s, i) => ({ ...s, phone: `139${String(phoneBase + i).padStart(8, '0')}` }));
}

export interface DemoSummary {
  companyId: string;
  communities: { id: string; code: string; name: string }[];
  isNew: boolean;
}

/**
 * Demo data: one company, two communities with buildings, units, rooms and households, staff in
 * every role and residents. Runs once; a second run leaves everything as it is.
 */
export async function seedDemo(deps: Deps): Promise<DemoSummary> {
  const db = deps.database.db;
  const [existing] = await db.select().from(companies).where(eq(companies.code, demoCompanyCode));
  if (existing) {
    const list = await db
      .select({ id: communities.id, code: communities.code, name: communities.name })
      .from(communities)
      .where(eq(communities.companyId, existing.id));
    return { companyId: existing.id, communities: list, isNew: false };
  }
  const passwordHash = await hashPassword(demoPassword);
  const companyId = randomUUID();
  const layout = [
    {
      code: 'YG',
      name: '阳光花园',
      address: '滨江路88号',
      buildings: ['1栋', '2栋', '3栋'],
      handover: '2022-06-30',
      full: true,
      phoneBase: 10_000,
    },
    {
      code: 'CH',
      name: '翠湖苑',
      address: '湖滨大道16号',
      buildings: ['A座', 'B座'],
      handover: '2019-12-20',
      full: false,
      phoneBase: 20_000,
    },
  ];
  const out: DemoSummary['communities'] = [];
  await db.transaction(async (tx) => {
    await tx.insert(companies).values({ id: companyId, name: '示例物业服务有限公司', code: demoCompanyCode });
    const staffRows: (typeof users.$inferInsert)[] = [
      { username: 'admin', name: '系统管理员', role: 'admin', department: 'management', phone: '13900000001' },
      { username: 'gm', name: '王总（总经理）', role: 'company_manager', department: 'management', phone: '13900000002' },
      { username: 'centre', name: '投诉中心 刘', role: 'complaint_centre', department: 'customer_service', phone: '13900000003' },
    ].map((u) => ({ ...u, id: randomUUID(), companyId, communityId: null, passwordHash }));
    let residentNo = 0;
    for (const c of layout) {
      const communityId = randomUUID();
      out.push({ id: communityId, code: c.code, name: c.name });
      await tx.insert(communities).values({ id: communityId, companyId, name: c.name, code: c.code, address: c.address });
      for (const s of communityStaff(c.code.toLowerCase(), c.phoneBase, c.full)) {
        staffRows.push({ id: randomUUID(), companyId, communityId, passwordHash, skills: s.skills ?? [], ...s });
      }
      const roomRows: (typeof rooms.$inferInsert)[] = [];
      const residentRows: (typeof residents.$inferInsert)[] = [];
      for (const [bi, bname] of c.buildings.entries()) {
        const buildingId = randomUUID();
        await tx.insert(buildings).values({ id: buildingId, companyId, communityId, name: bname, handoverDate: c.handover, sortOrder: bi });
        for (const unit of ['1', '2']) {
          for (let floor = 1; floor <= 6; floor++) {
            for (const door of [1, 2]) {
              const roomId = randomUUID();
              const number = `${floor}0${door}`;
              roomRows.push({ id: roomId, companyId, communityId, buildingId, unit, number, floor, areaSqm: door === 1 ? 98 : 126 });
              // About one home in eight is still empty.
              if ((floor + door + bi) % 8 === 0) continue;
              residentNo++;
              const name = `${surnames[residentNo % surnames.length]}${givenNames[(residentNo * 7) % givenNames.length]}`;
              residentRows.push({
                id: randomUUID(),
                companyId,
                communityId,
                roomId,
                name,
                phone: `138${String(residentNo).padStart(8, '0')}`,
                relation: 'owner',
              });
            }
          }
        }
      }
      await tx.insert(rooms).values(roomRows);
      await tx.insert(residents).values(residentRows);
    }
    await tx.insert(users).values(staffRows);
  });
  return { companyId, communities: out, isNew: true };
}

/** The demo sign-ins, for the README and the login page. */
export const demoLogins: { username: string; role: Role; community: string }[] = [
  { username: 'admin', role: 'admin', community: '—' },
  { username: 'gm', role: 'company_manager', community: '—' },
  { username: 'centre', role: 'complaint_centre', community: '—' },
  ...(['yg', 'ch'] as const).flatMap((p) =>
    communityStaff(p, 0, p === 'yg').map((s) => ({
      username: s.username,
      role: s.role as Role,
      community: p === 'yg' ? '阳光花园' : '翠湖苑',
    })),
  ),
];
