import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { isCompanyLevel, type StaffRole, staffRoles } from '../domain/access/roles.js';
import { invalid } from '../domain/shared/errors.js';
import type { Database } from '../db/client.js';
import { findUserByUsername } from '../db/repositories/org.js';
import { communities, companies, users } from '../db/schema/index.js';
import { hashPassword } from './auth.js';

const departmentOf: Record<StaffRole, string> = {
  admin: 'management',
  company_manager: 'management',
  complaint_centre: 'customer_service',
  director: 'management',
  cs_manager: 'customer_service',
  cs_supervisor: 'customer_service',
  clerk: 'customer_service',
  eng_supervisor: 'engineering',
  technician: 'engineering',
  department_staff: 'security',
  finance: 'finance',
  developer_liaison: 'developer',
};

/** Adds a staff account from the command line (the first admin of a new install). */
export async function createStaffUser(
  database: Database,
  input: { username: string; password: string; role: string; name: string; communityCode?: string | undefined; companyCode: string },
) {
  const fail = (field: string, zh: string, en: string) => invalid('invalid_field', { zh, en }, [{ field, message: { zh, en } }]);
  if (!/^[a-z0-9._-]{3,32}$/.test(input.username))
    throw fail('username', '用户名为3-32位小写字母数字', 'Username: 3-32 lowercase letters or digits');
  if (input.password.length < 8) throw fail('password', '密码至少8位', 'Password: at least 8 characters');
  if (!(staffRoles as readonly string[]).includes(input.role))
    throw fail('role', '角色无效', `Role must be one of ${staffRoles.join(', ')}`);
  if (!input.name) throw fail('name', '请填写姓名', 'Name is required');
  const role = input.role as StaffRole;
  const db = database.db;
  const [company] = await db.select().from(companies).where(eq(companies.code, input.companyCode));
  if (!company) throw fail('companyCode', '公司不存在', 'No such company');
  let communityId: string | null = null;
  if (!isCompanyLevel(role)) {
    if (!input.communityCode) throw fail('communityCode', '请指定小区', 'This role needs a community');
    const [community] = await db
      .select()
      .from(communities)
      .where(and(eq(communities.companyId, company.id), eq(communities.code, input.communityCode)));
    if (!community) throw fail('communityCode', '小区不存在', 'No such community');
    communityId = community.id;
  }
  if (await findUserByUsername(db, input.username)) throw fail('username', '用户名已存在', 'Username taken');
  const row = {
    id: randomUUID(),
    companyId: company.id,
    communityId,
    username: input.username,
    passwordHash: await hashPassword(input.password),
    name: input.name,
    role,
    department: departmentOf[role],
  };
  await db.insert(users).values(row);
  return row;
}
