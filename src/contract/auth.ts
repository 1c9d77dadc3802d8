import { z } from 'zod';
import { roleEnum } from './common.js';

export const staffLoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '请输入11位手机号 / Enter an 11-digit mobile number');

export const requestCodeBody = z.object({ phone });
export const requestCodeResponse = z.object({
  sent: z.literal(true),
  /** Only in demo mode, where the outbox provider sends nothing: the code, shown on screen. */
  demoCode: z.string().optional(),
});
export const residentLoginBody = z.object({
  phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6位数字 / 6 digits'),
});

export const me = z.object({
  kind: z.enum(['staff', 'resident']),
  id: z.uuid(),
  name: z.string(),
  phone: z.string(),
  role: roleEnum,
  department: z.string().nullable(),
  companyId: z.uuid(),
  companyName: z.string(),
  communityId: z.uuid().nullable(),
  communities: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string() })),
  /** Residents: the rooms of their household. */
  rooms: z.array(z.object({ id: z.uuid(), label: z.string(), communityId: z.uuid() })),
});
export type Me = z.infer<typeof me>;
