import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Principal, requirePermission } from '../../commands/context.js';
import { logContact } from '../../commands/intake/log-contact.js';
import { getContact, openEmergencies, queryContacts, residentContacts } from '../../commands/intake/query-contacts.js';
import { triageContact } from '../../commands/intake/triage-contact.js';
import { runTicketAction } from '../../commands/tickets/engine.js';
import { errorBody, idParam } from '../../contract/common.js';
import {
  type ContactActionPath,
  contactActionBodies,
  contactDetail,
  contactList,
  contactListQuery,
  createContactBody,
  emergencyList,
  emergencyQuery,
  residentContact,
  residentContactList,
  type TriageBody,
} from '../../contract/intake.js';
import { notFound } from '../../domain/shared/errors.js';
import { principalOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { presentContact, presentContactDetail, presentResidentContact } from '../presenters/intake.js';

const failures = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const actionSummaries: Record<ContactActionPath, string> = {
  triage: 'Triage the entry (分类); into repair, matter or complaint it opens that ticket, linked',
  reply: 'Give the reply (答复); unsatisfied → the department head answers',
  escalate: 'Hand the entry up to the department head (first owner only)',
  acknowledge: 'Take an emergency (我去处置): stops the alarm',
  resolve: 'Record how the emergency was dealt with',
  close: 'Close a referred entry by hand (normally it closes with its ticket)',
  void: 'Void an entry logged by mistake',
};

/** 值班记录: the duty log. */
export const contactRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (p: Principal, id: string) => presentContactDetail(await getContact(ctx.deps, p, id));

    app.post(
      '/api/contacts',
      {
        schema: {
          tags: ['intake'],
          summary: 'Log a contact on the duty log (值班记录), optionally triaged at once',
          body: createContactBody,
          response: { 201: contactDetail, ...failures },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const { id } = await logContact(ctx.deps, p, req.body);
        reply.status(201);
        return detail(p, id);
      },
    );
    app.get(
      '/api/contacts',
      {
        schema: {
          tags: ['intake'],
          summary: "The duty log: today's, mine (首问), open, emergencies, overdue, all",
          querystring: contactListQuery,
          response: { 200: contactList, ...failures },
        },
      },
      async (req) => {
        const { items, total } = await queryContacts(ctx.deps, principalOf(req), req.query);
        return { items: items.map(presentContact), total };
      },
    );
    app.get(
      '/api/contacts/emergencies',
      {
        schema: {
          tags: ['intake'],
          summary: 'Open emergencies nobody has taken yet (the red banner)',
          querystring: emergencyQuery,
          response: { 200: emergencyList, ...failures },
        },
      },
      async (req) => ({ items: (await openEmergencies(ctx.deps, principalOf(req), req.query.communityId)).map(presentContact) }),
    );
    app.get(
      '/api/contacts/:id',
      {
        schema: {
          tags: ['intake'],
          summary: 'One entry with its timeline and timers',
          params: idParam,
          response: { 200: contactDetail, ...failures },
        },
      },
      async (req) => detail(principalOf(req), req.params.id),
    );
    for (const path of Object.keys(contactActionBodies) as ContactActionPath[]) {
      app.post(
        `/api/contacts/:id/${path}`,
        {
          schema: {
            tags: ['intake'],
            summary: actionSummaries[path],
            params: idParam,
            body: contactActionBodies[path],
            response: { 200: contactDetail, ...failures },
          },
        },
        async (req) => {
          const p = principalOf(req);
          // Roles that may not see these at all are refused before anything is looked up.
          requirePermission(p, 'contact.view');
          if (path === 'triage') await triageContact(ctx.deps, p, req.params.id, req.body as TriageBody);
          else await runTicketAction(ctx.deps, p, req.params.id, 'contact', path, req.body);
          return detail(p, req.params.id);
        },
      );
    }
    app.get(
      '/api/my/contacts',
      {
        schema: {
          tags: ['resident'],
          summary: "A resident's own consultations, requests for help and other contacts, with status and reply",
          response: { 200: residentContactList, ...failures },
        },
      },
      async (req) => ({ items: (await residentContacts(ctx.deps, principalOf(req))).map(presentResidentContact) }),
    );
    app.get(
      '/api/my/contacts/:id',
      {
        schema: {
          tags: ['resident'],
          summary: "One of a resident's own contacts",
          params: idParam,
          response: { 200: residentContact, ...failures },
        },
      },
      async (req) => {
        const [row] = await residentContacts(ctx.deps, principalOf(req), req.params.id);
        if (!row) throw notFound({ zh: '记录', en: 'Entry' });
        return presentResidentContact(row);
      },
    );
  };
