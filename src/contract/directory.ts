import { z } from 'zod';

export const roomSearchQuery = z.object({
  communityId: z.uuid(),
  q: z.string().trim().max(50).optional(),
  buildingId: z.uuid().optional(),
  unit: z.string().trim().max(10).optional(),
  number: z.string().trim().max(10).optional(),
});

export const roomView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  unit: z.string(),
  number: z.string(),
  label: z.string(),
  residents: z.array(z.object({ id: z.uuid(), name: z.string(), phone: z.string(), relation: z.string() })),
});

export const buildingView = z.object({ id: z.uuid(), name: z.string(), communityId: z.uuid() });

export const technicianView = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string(),
  skills: z.array(z.string()),
  openLoad: z.number().int(),
});

export const communityQuery = z.object({ communityId: z.uuid() });
