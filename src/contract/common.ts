import { z } from 'zod';

export const bilingual = z.object({ zh: z.string(), en: z.string() });

/** The body of every error response: a code, a bilingual message, and field-level issues. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: bilingual,
    fields: z.array(z.object({ field: z.string(), message: bilingual })),
  }),
});

export const idParam = z.object({ id: z.uuid() });
export const okBody = z.object({ ok: z.literal(true) });

export const roleEnum = z.enum([
  'admin',
  'company_manager',
  'complaint_centre',
  'director',
  'cs_manager',
  'cs_supervisor',
  'clerk',
  'eng_supervisor',
  'technician',
  'department_staff',
  'finance',
  'developer_liaison',
  'resident',
]);

export const isoDateTime = z.iso.datetime({ offset: true });
