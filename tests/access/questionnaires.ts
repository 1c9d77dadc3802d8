import type { Expect } from '../support/access-grid.js';

/**
 * Access rows of the questionnaire routes (问卷调查): one per route of the app ("METHOD /path"), columns
 * as in tests/support/access-grid.ts. The route-coverage check in src/http/routes/access.test.ts reads
 * them. The CS supervisor, CS manager and director draft and issue; the clerk and the CS supervisor
 * enter paper forms; residents answer for their own households only.
 */
// biome-ignore format: a table reads best aligned
export const questionnairesAccess: Record<string, Expect[]> = {
  //                                                                    anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/questionnaires':                                            [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'POST /api/questionnaires':                                           [401, 403, 403, 403, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/questionnaires/:id':                                        [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /api/questionnaires/:id (CH)':                                   [401, 200, 200, 200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403],
  'PUT /api/questionnaires/:id':                                        [401, 403, 403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'PUT /api/questionnaires/:id (CH)':                                   [401, 403, 403, 403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/questionnaires/:id/issue':                                 [401, 403, 403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/questionnaires/:id/issue (CH)':                            [401, 403, 403, 403, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/questionnaires/:id/paper-answers':                         [401, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403],
  'POST /api/questionnaires/:id/paper-answers (CH)':                    [401, 403, 403, 403, 403, 403, 404, 404, 403, 403, 403, 403, 403, 403],
  'GET /api/questionnaires/:id/statistics':                             [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /api/questionnaires/:id/statistics (CH)':                        [401, 200, 200, 200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403],
  'GET /api/questionnaires/:id/statistics.xlsx':                        [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /print/questionnaires/:id/statistics':                           [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  'GET /print/questionnaires/:id/statistics (CH)':                      [401, 200, 200, 200, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403],
  'GET /api/resident/questionnaires':                                   [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'POST /api/resident/questionnaires/:id/answers':                      [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  'POST /api/resident/questionnaires/:id/answers (another household)':  [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
  'POST /api/resident/questionnaires/:id/answers (CH questionnaire)':   [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
};
