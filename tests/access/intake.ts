import { type Expect, ok } from '../support/access-grid.js';

/**
 * Access rows of the intake routes: one per route of the app ("METHOD /path"), columns as in
 * tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads them.
 * Entries are logged by yg.clerk in YG. The desk and its supervisors (dir, csm, css, clk) read the
 * whole duty log; other staff read their own entries and open emergencies (404 otherwise).
 */
// biome-ignore format: a table reads best aligned
export const intakeRoutes: Record<string, Expect[]> = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'POST /api/contacts':                               [401, 403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 201, 403, 403],
  'GET /api/contacts':                                [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403],
  'GET /api/contacts/emergencies':                    [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403],
  'GET /api/contacts/:id':                            [401, 403, 403, 403, 200, 200, 200, 200, 404, 404, 404, 404, 403, 403],
  'GET /api/contacts/:id (an open emergency)':        [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403],
  'GET /api/contacts/:id (CH entry)':                 [401, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 403, 403],
  'POST /api/contacts/:id/triage':                    [401, 403, 403, 403,  ok,  ok,  ok,  ok, 404, 404, 404, 404, 403, 403],
  'POST /api/contacts/:id/reply':                     [401, 403, 403, 403,  ok,  ok,  ok,  ok, 404, 404, 404, 404, 403, 403],
  // Only the person first asked hands it up.
  'POST /api/contacts/:id/escalate':                  [401, 403, 403, 403, 403, 403, 403,  ok, 404, 404, 404, 404, 403, 403],
  // Anybody of the community takes an emergency.
  'POST /api/contacts/:id/acknowledge':               [401, 403, 403, 403,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok, 403, 403],
  // Taken by yg.security: the responder, the owner or an overseer resolves it.
  'POST /api/contacts/:id/resolve':                   [401, 403, 403, 403,  ok,  ok,  ok,  ok, 403, 403,  ok, 403, 403, 403],
  'POST /api/contacts/:id/close':                     [401, 403, 403, 403,  ok,  ok,  ok,  ok, 404, 404, 404, 404, 403, 403],
  'POST /api/contacts/:id/void':                      [401, 403, 403, 403,  ok,  ok,  ok,  ok, 404, 404, 404, 404, 403, 403],
  // A resident's own contacts (by room or phone).
  'GET /api/my/contacts':                             [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'GET /api/my/contacts/:id':                         [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'GET /api/my/contacts/:id (someone else’s)':        [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
};
