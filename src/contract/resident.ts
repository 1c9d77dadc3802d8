import { z } from 'zod';
import { followedKinds, ratingOutcomes } from '../domain/rating/rating.js';
import { isoDateTime } from './common.js';

export const myTicketKind = z.enum(followedKinds);

export const myTicketsQuery = z.object({ kind: myTicketKind.optional() });

export const ratingView = z.object({ outcome: z.enum(ratingOutcomes), comment: z.string(), createdAt: isoDateTime });

/** One of the resident's own tickets, as their phone lists it. */
export const myTicket = z.object({
  id: z.uuid(),
  kind: myTicketKind,
  number: z.string(),
  status: z.string(),
  communityName: z.string(),
  location: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  /** The answer: a complaint's reply, a consultation's answer, a matter's or repair's result. */
  reply: z.string().nullable(),
  isOverdue: z.boolean(),
  canRate: z.boolean(),
  rating: ratingView.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
});

export const rateBody = z.object({
  outcome: z.enum(ratingOutcomes),
  comment: z.string().max(500).default(''),
});
