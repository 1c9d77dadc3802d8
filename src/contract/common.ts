import { z } from 'zod';
import { staffRoles } from '../domain/access/roles.js';

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

export const roleEnum = z.enum([...staffRoles, 'resident']);

export const isoDateTime = z.iso.datetime({ offset: true });
