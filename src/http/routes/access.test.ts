import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { codeFor, createRepair, type RoomPick } from '../../../tests/support/factories.js';
import { insertRoleNotification, type SecondCompany, seedSecondCompany } from '../../../tests/support/second-company.js';
import { loginResident, loginStaff, requestLoginCode } from '../../commands/auth.js';
import { demoPassword } from '../../commands/seed-demo.js';
import type { ActionPath } from '../../contract/repair.js';
import { staffRoles } from '../../domain/access/roles.js';
import { type RepairAction, repairRules } from '../../domain/repair/machine.js';
import { complaintsRoutes } from '../../../tests/access/complaints.js';
import { intakeRoutes } from '../../../tests/access/intake.js';
import { mattersRoutes } from '../../../tests/access/matters.js';
import { residentRoutes } from '../../../tests/access/resident.js';
import { visitsRoutes } from '../../../tests/access/visits.js';
import { warrantyAccess } from '../../../tests/access/warranty.js';
import { patrolAccess } from '../../../tests/access/patrol.js';
import { arrearsAccess } from '../../../tests/access/arrears.js';
import { parkingAccess } from '../../../tests/access/parking.js';
import { hotWorkAccess } from '../../../tests/access/hot-work.js';
import { goodsPassesAccess } from '../../../tests/access/goods-passes.js';
import { renovationAccess } from '../../../tests/access/renovation.js';
import { questionnairesAccess } from '../../../tests/access/questionnaires.js';
import { dashboardsAccess } from '../../../tests/access/dashboards.js';
import { reportsAccess } from '../../../tests/access/reports.js';
import { ownerVisitsAccess } from '../../../tests/access/owner-visits.js';
import { columns, type Expect, usernameOf as gridUsernames, matches, ok, roleOf, routeKeysOf } from '../../../tests/support/access-grid.js';

/*
 * Access rules, route by route and role by role.
 *
 * Every table below has one row per route (or per route and record) and one column per caller.
 * A cell is the exact status that caller must get:
 *   200/201  allowed
 *   401      not signed in
 *   403      the role may not do this (or a community's staff asked for another community)
 *   404      the record is outside the caller's scope (another community, company, household,
 *            another technician's order), so its existence is not revealed
 *   ok       lifecycle actions only: past authorization, i.e. 2xx, or 409/422 from the state machine
 *   302      public documentation pages that redirect to the viewer
 *
 * Columns of the main tables (community staff are of 阳光花园 YG; the resident lives in YG and
 * reported the order the rows are tried on):
 *   anon  not signed in                 csm  cs_manager       yg.csmanager     dep  department_staff   yg.security
 *   adm   admin            admin        css  cs_supervisor    yg.cssup         fin  finance            yg.finance
 *   gm    company_manager  gm           clk  clerk            yg.clerk         dev  developer_liaison  yg.developer
 *   ctr   complaint_centre centre       eng  eng_supervisor   yg.engsup        res  resident           (138…)
 *   dir   director         yg.director  tec  technician       yg.tech1
 */

type Column = (typeof columns)[number];
/** Callers that appear only in the scoping tables. */
type Extra = 'tech2' | 'otherAdmin' | 'otherClerk' | 'otherResident';
type Caller = Column | Extra;

const usernameOf: Record<Exclude<Caller, 'anon' | 'res' | 'otherResident'>, string> = {
  ...gridUsernames,
  tech2: 'yg.tech2',
  otherAdmin: 'other.admin',
  otherClerk: 'other.clerk',
};

/**
 * Every route of the app as "METHOD /path", tried on a YG record the resident reported.
 * Public routes give every caller, signed in or not, the same answer.
 */
// biome-ignore format: a table reads best aligned
const routeTable = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  // Public: sign-in, health, the API description and its viewer.
  'POST /api/auth/login':                             [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/resident/request-code':             [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/resident/login':                    [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/logout':                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/health':                                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/openapi.json':                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs':                                    [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs/':                                   [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs/static/index.html':                  [302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302],
  'GET /api/docs/static/swagger-initializer.js':      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs/*':                                  [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs/json':                               [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/docs/yaml':                               [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Anyone signed in.
  'GET /api/me':                                      [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/communities':                             [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/notifications':                           [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/live':                                    [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Directory (?communityId=YG): buildings and rooms for the desk and its supervisors.
  'GET /api/buildings':                               [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/rooms':                                   [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/technicians':                             [401, 200, 403, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 200],
  // Repair orders: record, list, read, photos, print, boards. dep and dev may not view orders (403).
  'POST /api/repair-orders':                          [401, 403, 403, 403, 201, 201, 201, 201, 201, 403, 403, 403, 403, 201],
  'GET /api/repair-orders':                           [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 200],
  'GET /api/repair-orders/:id':                       [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 200],
  'POST /api/repair-orders/:id/photos':               [401, 403, 403, 403, 403, 403, 201, 201, 201, 201, 403, 403, 403, 201],
  'GET /api/photos/:id':                              [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 200],
  'GET /print/repair-orders/:id':                     [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 403, 200, 403, 403],
  'GET /api/boards/front-desk':                       [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/boards/dispatch':                         [401, 200, 403, 403, 200, 403, 200, 200, 200, 403, 403, 403, 403, 403],
  // Inbox. The notification is one the app addressed to YG's technicians: anyone else is not its
  // addressee (404). Residents have no inbox: the list is empty, marking read is refused.
  'POST /api/notifications/:id/read':                 [401, 404, 404, 404, 404, 404, 404, 404, 404, 200, 404, 404, 404, 403],
  'GET /api/visits':                                  [401, 200, 403, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403],
  'GET /api/outbox':                                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  // Policy.
  'GET /api/policy':                                  [401, 200, 200, 403, 200, 200, 200, 403, 200, 403, 403, 403, 403, 403],
  'PUT /api/policy':                                  [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
} satisfies Record<string, Expect[]>;
type RouteKey = keyof typeof routeTable;

type Prep =
  | 'open'
  | 'dispatched'
  | 'accepted'
  | 'arrived'
  | 'in_progress'
  | 'on_hold'
  | 'awaiting_quote'
  | 'awaiting_approval'
  | 'returned'
  | 'completed'
  | 'completed_owed'
  | 'confirmed';

/**
 * POST /api/repair-orders/:id/<action>, each on a fresh YG order of the resident's household,
 * brought to the state in the second column (assigned to yg.tech1 from "dispatched" on). Refusals
 * run first; then the allowed callers in column order, the first of whom must get 200.
 * dep and dev cannot see repair orders at all (404).
 */
// biome-ignore format: a table reads best aligned
const actionTable: Record<ActionPath, [Prep, ...Expect[]]> = {
  //                   order state           anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  grab:               ['open',               401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  assign:             ['open',               401, 403, 403, 403, ok,  403, ok,  ok,  ok,  403, 404, 403, 404, 403],
  accept:             ['dispatched',         401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  decline:            ['dispatched',         401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  'set-off':          ['accepted',           401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  arrive:             ['accepted',           401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  'verify-code':      ['arrived',            401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  'confirm-by-phone': ['arrived',            401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, 403],
  reschedule:         ['dispatched',         401, 403, 403, 403, ok,  403, ok,  ok,  ok,  403, 404, 403, 404, 403],
  'record-work':      ['in_progress',        401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  hold:               ['in_progress',        401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  resume:             ['on_hold',            401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  'request-quote':    ['in_progress',        401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  quote:              ['awaiting_quote',     401, 403, 403, 403, ok,  403, 403, 403, ok,  403, 404, 403, 404, 403],
  'accept-quote':     ['awaiting_approval',  401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, ok ],
  'refuse-quote':     ['awaiting_approval',  401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, ok ],
  complete:           ['in_progress',        401, 403, 403, 403, 403, 403, 403, 403, 403, ok,  404, 403, 404, 403],
  confirm:            ['completed',          401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, ok ],
  'reject-completion':['completed',          401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, ok ],
  'record-payment':   ['completed_owed',     401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404, ok,  404, 403],
  visit:              ['confirmed',          401, 403, 403, 403, 403, ok,  ok,  ok,  ok,  403, 404, 403, 404, 403],
  cancel:             ['open',               401, 403, 403, 403, ok,  403, ok,  ok,  ok,  403, 404, 403, 404, ok ],
  'close-returned':   ['returned',           401, 403, 403, 403, 403, 403, ok,  ok,  403, 403, 404, 403, 404, 403],
};

/**
 * Community scoping: the same callers asking for 翠湖苑 (CH). Company-level roles see both
 * communities; YG staff and the YG resident are refused (403 when they name CH, 404 for a CH
 * record). The CH order is open and nobody here may change it.
 */
// biome-ignore format: a table reads best aligned
const chTable = {
  //                                                  anon adm  gm   ctr  dir  csm  css  clk  eng  tec  dep  fin  dev  res
  'GET /api/repair-orders?communityId=CH':            [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/boards/front-desk?communityId=CH':        [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/boards/dispatch?communityId=CH':          [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/rooms?communityId=CH':                    [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/technicians?communityId=CH':              [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/buildings?communityId=CH':                [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/visits?communityId=CH':                   [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/policy?communityId=CH':                   [401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'POST /api/repair-orders in CH':                    [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  'GET /api/repair-orders/:id (CH order)':            [401, 200, 200, 200, 404, 404, 404, 404, 404, 404, 403, 404, 403, 404],
  'GET /api/photos/:id (CH order)':                   [401, 200, 200, 200, 404, 404, 404, 404, 404, 404, 403, 404, 403, 404],
  'POST /api/repair-orders/:id/photos (CH order)':    [401, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404],
  'GET /print/repair-orders/:id (CH order)':          [401, 200, 403, 403, 404, 404, 404, 404, 404, 404, 403, 404, 403, 403],
  'POST /api/repair-orders/:id/grab (CH order)':      [401, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/repair-orders/:id/assign (CH order)':    [401, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  // The same with a YG technician named: the body is no business of those who may not assign.
  'POST /api/repair-orders/:id/assign (CH order, YG technician)':
                                                      [401, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/repair-orders/:id/cancel (CH order)':    [401, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
} satisfies Record<string, Expect[]>;

/** Technicians: open orders and their own, not another technician's accepted order. */
// biome-ignore format: a table reads best aligned
const technicianTable = {
  //                                                          tech1 tech2 engsup
  'GET /api/repair-orders/:id (accepted by tech2)':           [404,  200,  200],
  'GET /api/photos/:id (accepted by tech2)':                  [404,  200,  200],
  'GET /print/repair-orders/:id (accepted by tech2)':         [404,  200,  200],
  'POST /api/repair-orders/:id/photos (accepted by tech2)':   [404,  201,  201],
  'POST /api/repair-orders/:id/hold (accepted by tech2)':     [404,  ok,   403],
  // A technician of the community who lost a grab race hears "already taken" (run-repair-action.ts).
  'POST /api/repair-orders/:id/grab (accepted by tech2)':     [409,  ok,   403],
} satisfies Record<string, Expect[]>;
const technicianColumns = ['tec', 'tech2', 'eng'] as const;

/** A resident sees only their household's orders; the desk sees the neighbour's order. */
// biome-ignore format: a table reads best aligned
const neighbourTable = {
  //                                                          resident clerk
  'GET /api/repair-orders/:id (neighbour)':                   [404,     200],
  'GET /api/photos/:id (neighbour)':                          [404,     200],
  'POST /api/repair-orders/:id/photos (neighbour)':           [404,     201],
  'POST /api/repair-orders/:id/cancel (neighbour)':           [404,     ok ],
  'POST /api/repair-orders/:id/confirm (neighbour)':          [404,     ok ],
  'GET /print/repair-orders/:id (neighbour)':                 [403,     200],
  // Reporting for someone else's home is refused as a field error, not a role error.
  'POST /api/repair-orders for the neighbour’s room':         [422,     201],
} satisfies Record<string, Expect[]>;
const neighbourColumns = ['res', 'clk'] as const;

/** Company scoping: the second company's people on DEMO's records. */
// biome-ignore format: a table reads best aligned
const otherOnDemoTable = {
  //                                                          o.admin o.clerk o.resident
  'GET /api/repair-orders/:id (YG order)':                    [404,    404,    404],
  'GET /api/photos/:id (YG order)':                           [404,    404,    404],
  'POST /api/repair-orders/:id/photos (YG order)':            [403,    404,    404],
  'GET /print/repair-orders/:id (YG order)':                  [404,    404,    403],
  'POST /api/repair-orders/:id/cancel (YG order)':            [404,    404,    404],
  'POST /api/repair-orders/:id/assign (YG order)':            [404,    404,    404],
  'POST /api/repair-orders in YG':                            [403,    404,    404],
  'GET /api/repair-orders?communityId=YG':                    [404,    404,    404],
  'GET /api/boards/front-desk?communityId=YG':                [404,    404,    403],
  'GET /api/boards/dispatch?communityId=YG':                  [404,    404,    403],
  'GET /api/rooms?communityId=YG':                            [404,    404,    403],
  'GET /api/technicians?communityId=YG':                      [404,    404,    404],
  'GET /api/buildings?communityId=YG':                        [404,    404,    403],
  'GET /api/visits?communityId=YG':                           [404,    404,    403],
  'GET /api/policy?communityId=YG':                           [404,    403,    403],
  'PUT /api/policy for YG':                                   [404,    403,    403],
  'POST /api/notifications/:id/read (DEMO admins)':           [404,    404,    403],
  'POST /api/notifications/:id/read (YG technicians)':        [404,    404,    403],
} satisfies Record<string, Expect[]>;
const otherColumns = ['otherAdmin', 'otherClerk', 'otherResident'] as const;

/** And DEMO's people on the second company's records. */
// biome-ignore format: a table reads best aligned
const demoOnOtherTable = {
  //                                                          admin clerk tech1 resident
  'GET /api/repair-orders/:id (other order)':                 [404,  404,  404,  404],
  'GET /api/photos/:id (other order)':                        [404,  404,  404,  404],
  'POST /api/repair-orders/:id/photos (other order)':         [403,  404,  404,  404],
  'GET /print/repair-orders/:id (other order)':               [404,  404,  404,  403],
  'POST /api/repair-orders/:id/cancel (other order)':         [404,  404,  404,  404],
  'POST /api/repair-orders/:id/grab (other order)':           [404,  404,  404,  404],
  'POST /api/repair-orders in other community':               [403,  404,  403,  404],
  'GET /api/repair-orders?communityId=other':                 [404,  404,  404,  404],
  'GET /api/boards/front-desk?communityId=other':             [404,  404,  403,  403],
  'GET /api/boards/dispatch?communityId=other':               [404,  404,  403,  403],
  'GET /api/rooms?communityId=other':                         [404,  404,  403,  403],
  'GET /api/technicians?communityId=other':                   [404,  404,  403,  404],
  'GET /api/buildings?communityId=other':                     [404,  404,  403,  403],
  'GET /api/visits?communityId=other':                        [404,  404,  403,  403],
  'GET /api/policy?communityId=other':                        [404,  403,  403,  403],
  'PUT /api/policy for other community':                      [404,  403,  403,  403],
  'POST /api/notifications/:id/read (other admins)':          [404,  404,  404,  403],
} satisfies Record<string, Expect[]>;
const demoColumns = ['adm', 'clk', 'tec', 'res'] as const;

/**
 * Cells where the server is wrong today: "table | row | caller" → the bug. Each is left out of
 * its row and run on its own as an expected failure (it.fails), stating the correct status.
 */
const knownBugs: Record<string, string> = {};

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function photoUpload(orderId: string): InjectOptions {
  const boundary = '----propdesk-access-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leak.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    method: 'POST',
    url: `/api/repair-orders/${orderId}/photos`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A request as a caller: `as` replaces the caller's session cookie; `stream` is for server-sent events. */
type Req = InjectOptions & { as?: string | null; stream?: boolean };
type Build = (caller: Caller, index: number) => Req | Promise<Req>;

/** The app's routes as "METHOD /path", from its own route tree (HEAD routes mirror GET and are left out). */
function routesOf(tree: string): string[] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') found.add(`${method} ${path}`);
  }
  return [...found].sort();
}

const actionRoute = (a: ActionPath) => `POST /api/repair-orders/:id/${a}`;
const ruleOf = (a: ActionPath) => repairRules[a.replaceAll('-', '_') as RepairAction];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Order {
  id: string;
  number: string;
  status: string;
}

describe.each(await drivers())('access rules, every route × every role (%s)', (driver) => {
  let t: TestApp;
  let other: SecondCompany;
  const cookies = {} as Record<Caller, string | null>;
  let resident: RoomPick;
  let neighbourRoom: RoomPick;
  let tech1Id: string;
  let chTechId: string;
  let ygOrder: Order;
  let neighbourOrder: Order;
  let chOrder: Order;
  let tech2Order: Order;
  let otherOrder: Order;
  const photo = { yg: '', ch: '', neighbour: '', tech2: '', other: '' };
  const notification = { ygTechnicians: '', demoAdmins: '', otherAdmins: '' };
  /** Resident phones of YG for the public resident rows: one per column for request-code, another for login. */
  let phones: string[] = [];

  const call = (caller: Caller, options: InjectOptions) => t.call(cookies[caller] ?? null, options);
  const get = (caller: Caller, url: string) => call(caller, { method: 'GET', url });
  const act = (caller: Caller, id: string, action: ActionPath, payload: Record<string, unknown> = {}) =>
    call(caller, { method: 'POST', url: `/api/repair-orders/${id}/${action}`, payload });

  async function upload(caller: Caller, orderId: string): Promise<string> {
    const res = await call(caller, photoUpload(orderId));
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  }

  /** Sends a request as a caller and returns the status (and the start of the body, for messages). */
  async function attempt(caller: Caller, req: Req): Promise<{ status: number; body: string }> {
    const { as, stream, ...options } = req;
    const cookie = as !== undefined ? as : (cookies[caller] ?? null);
    if (stream) {
      const abort = new AbortController();
      const res = await t.call(cookie, { ...options, payloadAsStream: true, signal: abort.signal });
      res.stream().on('error', () => undefined);
      abort.abort();
      return { status: res.statusCode, body: '' };
    }
    const res = await t.call(cookie, options);
    return { status: res.statusCode, body: res.body.slice(0, 160) };
  }

  /** One `it` per row: every caller of the row tried, every mismatch reported at once. */
  function grid(name: string, cols: readonly Caller[], rows: Record<string, readonly Expect[]>, requests: Record<string, Build>) {
    for (const [label, expected] of Object.entries(rows)) {
      it(`${name}: ${label}`, async () => {
        expect(expected).toHaveLength(cols.length);
        const build = requests[label];
        if (!build) throw new Error(`no request for ${label}`);
        const failures: string[] = [];
        for (const [i, caller] of cols.entries()) {
          if (knownBugs[`${name} | ${label} | ${caller}`]) continue;
          const want = expected[i]!;
          const got = await attempt(caller, await build(caller, i));
          if (!matches(want, got.status)) failures.push(`${caller}: expected ${want}, got ${got.status} ${got.body}`);
        }
        expect(failures).toEqual([]);
      });
    }
    for (const [key, why] of Object.entries(knownBugs)) {
      const [table, label, caller] = key.split(' | ') as [string, string, Caller];
      if (table !== name) continue;
      it.fails(`${name}: ${label} as ${caller} — KNOWN BUG: ${why}`, async () => {
        const i = cols.indexOf(caller);
        const got = await attempt(caller, await requests[label]!(caller, i));
        expect(got.status).toBe(rows[label]![i]);
      });
    }
  }

  const createBody = (communityId: string, room: { roomId: string; residentId: string; name: string; phone: string }) => ({
    communityId,
    roomId: room.roomId,
    residentId: room.residentId,
    reporterName: room.name,
    reporterPhone: room.phone,
    category: 'plumbing',
    area: 'in_home',
    timing: 'immediate',
    content: '卫生间地漏堵塞',
  });

  beforeAll(async () => {
    t = await startTestApp(driver);
    other = await seedSecondCompany(t.deps);
    await Promise.all(
      Object.entries(usernameOf).map(async ([caller, username]) => {
        cookies[caller as Caller] = await t.login(username);
      }),
    );
    cookies.anon = null;

    const yg = await createRepair(t);
    ygOrder = yg.order;
    resident = yg.room;
    cookies.res = await t.loginResident(resident.phone);
    cookies.otherResident = await t.loginResident(other.residentPhone);
    ({ order: neighbourOrder, room: neighbourRoom } = await createRepair(t, {}, { roomIndex: 1 }));
    chOrder = (await createRepair(t, {}, { communityId: t.ch })).order;
    tech2Order = (await createRepair(t, {}, { roomIndex: 2 })).order;
    expect((await act('tech2', tech2Order.id, 'grab')).statusCode).toBe(200);
    const created = await call('otherClerk', {
      method: 'POST',
      url: '/api/repair-orders',
      payload: createBody(other.communityId, {
        roomId: other.roomId,
        residentId: other.residentId,
        name: other.residentName,
        phone: other.residentPhone,
      }),
    });
    expect(created.statusCode).toBe(201);
    otherOrder = created.json();

    photo.yg = await upload('clk', ygOrder.id);
    photo.neighbour = await upload('clk', neighbourOrder.id);
    photo.tech2 = await upload('tech2', tech2Order.id);
    photo.other = await upload('otherClerk', otherOrder.id);
    const chClerk = await t.login('ch.clerk');
    const chUpload = await t.call(chClerk, photoUpload(chOrder.id));
    expect(chUpload.statusCode).toBe(201);
    photo.ch = chUpload.json().id;

    const inbox = await get('tec', '/api/notifications');
    const forOrder = (inbox.json().items as { id: string; ticketId: string | null }[]).find((n) => n.ticketId === ygOrder.id);
    notification.ygTechnicians = forOrder!.id;
    notification.demoAdmins = await insertRoleNotification(t.deps, {
      companyId: t.demo.companyId,
      communityId: null,
      role: 'admin',
      title: 'DEMO 管理员通知',
    });
    notification.otherAdmins = await insertRoleNotification(t.deps, {
      companyId: other.companyId,
      communityId: null,
      role: 'admin',
      title: '他山 管理员通知',
    });

    tech1Id = (await get('tec', '/api/me')).json().id;
    chTechId = (await get('adm', `/api/technicians?communityId=${t.ch}`)).json()[0].id;
    const rooms = (await get('clk', `/api/rooms?communityId=${t.yg}`)).json() as { residents: { phone: string }[] }[];
    phones = rooms
      .flatMap((r) => r.residents.map((p) => p.phone))
      .filter((p) => p !== resident.phone)
      .slice(-2 * columns.length);
    expect(phones).toHaveLength(2 * columns.length);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has one column for every role, plus anonymous', () => {
    expect(new Set(Object.values(roleOf))).toEqual(new Set([null, ...staffRoles, 'resident']));
    expect(Object.keys(roleOf)).toEqual([...columns]);
  });

  it('has an access row for every route of the app, and no row for a route that is gone', async () => {
    const routes = routesOf(t.app.printRoutes({ commonPrefix: false }));
    // Each feature's own table (tests/access/*.ts) covers its routes; its test file runs them.
    const features = [
      complaintsRoutes,
      intakeRoutes,
      mattersRoutes,
      visitsRoutes,
      residentRoutes,
      renovationAccess,
      goodsPassesAccess,
      hotWorkAccess,
      parkingAccess,
      arrearsAccess,
      patrolAccess,
      warrantyAccess,
      dashboardsAccess,
      reportsAccess,
      questionnairesAccess,
      ownerVisitsAccess,
    ].flatMap(routeKeysOf);
    const covered = [...Object.keys(routeTable), ...(Object.keys(actionTable) as ActionPath[]).map(actionRoute), ...features].sort();
    expect(routes).toEqual(covered);
    // The OpenAPI document describes no route the tree does not have.
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('expects lifecycle actions exactly for the roles in repairRules[action].who', () => {
    for (const [path, [, ...cells]] of Object.entries(actionTable) as [ActionPath, [Prep, ...Expect[]]][]) {
      expect(cells, path).toHaveLength(columns.length);
      const allowed = columns.filter((c, i) => cells[i] === ok && c !== 'anon');
      const byRule = columns.filter((c) => roleOf[c] !== null && ruleOf(path).who.includes(roleOf[c]!));
      expect(allowed, path).toEqual(byRule);
    }
  });

  describe('every route × every role', () => {
    const publicCaller = (i: number) => ({ remoteAddress: `10.77.0.${i + 1}` });
    const requests: Record<RouteKey, Build> = {
      // Sign-in routes are rate limited per address: each caller comes from its own.
      'POST /api/auth/login': (_c, i) => ({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'yg.clerk', password: demoPassword },
        ...publicCaller(i),
      }),
      'POST /api/auth/resident/request-code': (_c, i) => ({
        method: 'POST',
        url: '/api/auth/resident/request-code',
        payload: { phone: phones[i] },
        ...publicCaller(i),
      }),
      'POST /api/auth/resident/login': async (_c, i) => {
        const phone = phones[columns.length + i]!;
        const { demoCode } = await requestLoginCode(t.deps, phone);
        return { method: 'POST', url: '/api/auth/resident/login', payload: { phone, code: demoCode }, ...publicCaller(i) };
      },
      // Signing out ends a session of its own, never the shared one the other rows use.
      'POST /api/auth/logout': async (c) => {
        let session: string | null = null;
        if (c === 'res') {
          const { demoCode } = await requestLoginCode(t.deps, resident.phone);
          session = await loginResident(t.deps, resident.phone, demoCode!, 1);
        } else if (c !== 'anon') {
          session = await loginStaff(t.deps, usernameOf[c as keyof typeof usernameOf], demoPassword, 1);
        }
        return { method: 'POST', url: '/api/auth/logout', as: session ? `pd_session=${session}` : null };
      },
      'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
      'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
      'GET /api/docs': () => ({ method: 'GET', url: '/api/docs' }),
      'GET /api/docs/': () => ({ method: 'GET', url: '/api/docs/' }),
      'GET /api/docs/static/index.html': () => ({ method: 'GET', url: '/api/docs/static/index.html' }),
      'GET /api/docs/static/swagger-initializer.js': () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
      'GET /api/docs/*': () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
      'GET /api/docs/json': () => ({ method: 'GET', url: '/api/docs/json' }),
      'GET /api/docs/yaml': () => ({ method: 'GET', url: '/api/docs/yaml' }),
      'GET /api/me': () => ({ method: 'GET', url: '/api/me' }),
      'GET /api/communities': () => ({ method: 'GET', url: '/api/communities' }),
      'GET /api/notifications': () => ({ method: 'GET', url: '/api/notifications' }),
      'GET /api/live': () => ({ method: 'GET', url: '/api/live', stream: true }),
      'GET /api/buildings': () => ({ method: 'GET', url: `/api/buildings?communityId=${t.yg}` }),
      'GET /api/rooms': () => ({ method: 'GET', url: `/api/rooms?communityId=${t.yg}` }),
      'GET /api/technicians': () => ({ method: 'GET', url: `/api/technicians?communityId=${t.yg}` }),
      'POST /api/repair-orders': () => ({ method: 'POST', url: '/api/repair-orders', payload: createBody(t.yg, resident) }),
      'GET /api/repair-orders': () => ({ method: 'GET', url: '/api/repair-orders' }),
      'GET /api/repair-orders/:id': () => ({ method: 'GET', url: `/api/repair-orders/${ygOrder.id}` }),
      'POST /api/repair-orders/:id/photos': () => photoUpload(ygOrder.id),
      'GET /api/photos/:id': () => ({ method: 'GET', url: `/api/photos/${photo.yg}` }),
      'GET /print/repair-orders/:id': () => ({ method: 'GET', url: `/print/repair-orders/${ygOrder.id}` }),
      'GET /api/boards/front-desk': () => ({ method: 'GET', url: '/api/boards/front-desk' }),
      // Company-level roles must name the community of a dispatch board.
      'GET /api/boards/dispatch': () => ({ method: 'GET', url: `/api/boards/dispatch?communityId=${t.yg}` }),
      'POST /api/notifications/:id/read': () => ({ method: 'POST', url: `/api/notifications/${notification.ygTechnicians}/read` }),
      'GET /api/visits': () => ({ method: 'GET', url: '/api/visits' }),
      'GET /api/outbox': () => ({ method: 'GET', url: '/api/outbox' }),
      'GET /api/policy': () => ({ method: 'GET', url: '/api/policy' }),
      'PUT /api/policy': () => ({ method: 'PUT', url: '/api/policy', payload: { communityId: t.yg, override: {}, note: 'access test' } }),
    };
    grid('routes', columns, routeTable, requests);

    it('a live stream is closed with its connection', async () => {
      await sleep(50);
      expect(t.hub.size).toBe(0);
    });
  });

  describe('lifecycle actions × every role', () => {
    const steps: Record<Prep, { from: Prep | null; by: Caller; action: ActionPath; payload: Record<string, unknown> }[]> = {
      open: [],
      dispatched: [],
      accepted: [{ from: 'dispatched', by: 'tec', action: 'accept', payload: {} }],
      arrived: [{ from: 'accepted', by: 'tec', action: 'arrive', payload: {} }],
      in_progress: [{ from: 'arrived', by: 'clk', action: 'confirm-by-phone', payload: { reason: '业主电话确认' } }],
      on_hold: [{ from: 'in_progress', by: 'tec', action: 'hold', payload: { reason: 'parts', note: '等配件' } }],
      awaiting_quote: [{ from: 'in_progress', by: 'tec', action: 'request-quote', payload: { description: '更换整段水管' } }],
      awaiting_approval: [
        { from: 'awaiting_quote', by: 'eng', action: 'quote', payload: { isFeasible: true, quoteCents: 20_000, note: '可以做' } },
      ],
      returned: [{ from: 'awaiting_approval', by: 'clk', action: 'refuse-quote', payload: { reason: '业主嫌贵' } }],
      completed: [{ from: 'in_progress', by: 'tec', action: 'complete', payload: { summary: '已修好' } }],
      completed_owed: [
        { from: 'in_progress', by: 'tec', action: 'record-work', payload: { labourFeeCents: 3000, materialFeeCents: 1550 } },
        { from: null, by: 'tec', action: 'complete', payload: { summary: '已修好' } },
      ],
      confirmed: [{ from: 'completed', by: 'clk', action: 'confirm', payload: { signature: '业主' } }],
    };

    /** A fresh YG order of the resident's household in the given state. */
    async function orderIn(state: Prep): Promise<Order> {
      if (state === 'open') return (await createRepair(t)).order;
      if (state === 'dispatched') return (await createRepair(t, { requestedTechnicianId: tech1Id })).order;
      const chain = steps[state];
      const order = await orderIn(chain[0]!.from!);
      for (const step of chain) {
        const res = await act(step.by, order.id, step.action, step.payload);
        if (res.statusCode !== 200) throw new Error(`preparing ${state}: ${step.action} gave ${res.statusCode} ${res.body}`);
      }
      return order;
    }

    const bodies: Record<ActionPath, (o: Order) => Record<string, unknown> | Promise<Record<string, unknown>>> = {
      grab: () => ({}),
      assign: () => ({ technicianId: tech1Id }),
      accept: () => ({}),
      decline: () => ({ reason: '今天排满了' }),
      'set-off': () => ({ etaMinutes: 15 }),
      arrive: () => ({}),
      'verify-code': async (o) => ({ code: await codeFor(t, o.number) }),
      'confirm-by-phone': () => ({ reason: '业主忘记验证码' }),
      reschedule: () => ({ appointmentAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), reason: '业主改期' }),
      'record-work': () => ({ actualItems: '更换角阀', labourFeeCents: 3000, materialFeeCents: 1550 }),
      hold: () => ({ reason: 'parts', note: '等配件' }),
      resume: () => ({ note: '配件已到' }),
      'request-quote': () => ({ description: '更换整段水管' }),
      quote: () => ({ isFeasible: true, quoteCents: 20_000, note: '可以做' }),
      'accept-quote': () => ({}),
      'refuse-quote': () => ({ reason: '业主嫌贵' }),
      complete: () => ({ summary: '已修好，试水正常' }),
      confirm: () => ({ signature: '业主' }),
      'reject-completion': () => ({ reason: '还在漏水' }),
      'record-payment': () => ({ amountCents: 4550 }),
      visit: () => ({ outcome: 'satisfied', method: 'phone', comment: '业主满意' }),
      cancel: () => ({ reason: '业主自行处理' }),
      'close-returned': () => ({ reason: '业主不修了' }),
    };

    for (const [path, [state, ...cells]] of Object.entries(actionTable) as [ActionPath, [Prep, ...Expect[]]][]) {
      it(`${actionRoute(path)} (order ${state})`, async () => {
        const order = await orderIn(state);
        const payload = await bodies[path](order);
        const failures: string[] = [];
        const refused = columns.filter((_, i) => cells[i] !== ok);
        const allowed = columns.filter((_, i) => cells[i] === ok);
        // Refusals do not depend on the order's state, so they run first, before anything changes it.
        for (const caller of [...refused, ...allowed]) {
          const want = cells[columns.indexOf(caller)]!;
          const res = await t.call(cookies[caller], { method: 'POST', url: `/api/repair-orders/${order.id}/${path}`, payload });
          if (!matches(want, res.statusCode)) failures.push(`${caller}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          if (caller === allowed[0] && res.statusCode !== 200)
            failures.push(`${caller} (first allowed) did not succeed: ${res.statusCode} ${res.body}`);
        }
        expect(failures).toEqual([]);
      });
    }
  });

  describe('community scoping', () => {
    const ch = () => t.ch;
    const requests: Record<keyof typeof chTable, Build> = {
      'GET /api/repair-orders?communityId=CH': () => ({ method: 'GET', url: `/api/repair-orders?communityId=${ch()}` }),
      'GET /api/boards/front-desk?communityId=CH': () => ({ method: 'GET', url: `/api/boards/front-desk?communityId=${ch()}` }),
      'GET /api/boards/dispatch?communityId=CH': () => ({ method: 'GET', url: `/api/boards/dispatch?communityId=${ch()}` }),
      'GET /api/rooms?communityId=CH': () => ({ method: 'GET', url: `/api/rooms?communityId=${ch()}` }),
      'GET /api/technicians?communityId=CH': () => ({ method: 'GET', url: `/api/technicians?communityId=${ch()}` }),
      'GET /api/buildings?communityId=CH': () => ({ method: 'GET', url: `/api/buildings?communityId=${ch()}` }),
      'GET /api/visits?communityId=CH': () => ({ method: 'GET', url: `/api/visits?communityId=${ch()}` }),
      'GET /api/policy?communityId=CH': () => ({ method: 'GET', url: `/api/policy?communityId=${ch()}` }),
      'POST /api/repair-orders in CH': () => ({ method: 'POST', url: '/api/repair-orders', payload: createBody(ch(), resident) }),
      'GET /api/repair-orders/:id (CH order)': () => ({ method: 'GET', url: `/api/repair-orders/${chOrder.id}` }),
      'GET /api/photos/:id (CH order)': () => ({ method: 'GET', url: `/api/photos/${photo.ch}` }),
      'POST /api/repair-orders/:id/photos (CH order)': () => photoUpload(chOrder.id),
      'GET /print/repair-orders/:id (CH order)': () => ({ method: 'GET', url: `/print/repair-orders/${chOrder.id}` }),
      'POST /api/repair-orders/:id/grab (CH order)': () => ({ method: 'POST', url: `/api/repair-orders/${chOrder.id}/grab`, payload: {} }),
      'POST /api/repair-orders/:id/assign (CH order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${chOrder.id}/assign`,
        payload: { technicianId: chTechId },
      }),
      'POST /api/repair-orders/:id/assign (CH order, YG technician)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${chOrder.id}/assign`,
        payload: { technicianId: tech1Id },
      }),
      'POST /api/repair-orders/:id/cancel (CH order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${chOrder.id}/cancel`,
        payload: { reason: '不修了' },
      }),
    };
    grid('CH', columns, chTable, requests);

    it('lists hold only orders of the caller’s communities; company-level roles see both', async () => {
      const ids = async (caller: Caller, url = '/api/repair-orders?view=all&limit=200') =>
        ((await get(caller, url)).json().items as { id: string }[]).map((o) => o.id);
      for (const caller of ['adm', 'gm', 'ctr'] as const)
        expect(await ids(caller)).toEqual(expect.arrayContaining([ygOrder.id, chOrder.id]));
      for (const caller of ['dir', 'csm', 'css', 'clk', 'eng', 'fin'] as const) {
        const seen = await ids(caller);
        expect(seen, caller).toContain(ygOrder.id);
        expect(seen, caller).not.toContain(chOrder.id);
      }
      const board = (await get('clk', '/api/boards/front-desk')).json() as { orders: { id: string; communityId: string }[] };
      expect(board.orders.every((o) => o.communityId === t.yg)).toBe(true);
      const centreBoard = (await get('ctr', '/api/boards/front-desk')).json() as { orders: { id: string }[] };
      expect(centreBoard.orders.map((o) => o.id)).toEqual(expect.arrayContaining([ygOrder.id, chOrder.id]));
      const communities = async (caller: Caller) => ((await get(caller, '/api/communities')).json() as { id: string }[]).map((c) => c.id);
      expect((await communities('gm')).sort()).toEqual([t.yg, t.ch].sort());
      expect(await communities('clk')).toEqual([t.yg]);
      expect(await communities('res')).toEqual([t.yg]);
    });
  });

  describe('technicians', () => {
    const requests: Record<keyof typeof technicianTable, Build> = {
      'GET /api/repair-orders/:id (accepted by tech2)': () => ({ method: 'GET', url: `/api/repair-orders/${tech2Order.id}` }),
      'GET /api/photos/:id (accepted by tech2)': () => ({ method: 'GET', url: `/api/photos/${photo.tech2}` }),
      'GET /print/repair-orders/:id (accepted by tech2)': () => ({ method: 'GET', url: `/print/repair-orders/${tech2Order.id}` }),
      'POST /api/repair-orders/:id/photos (accepted by tech2)': () => photoUpload(tech2Order.id),
      'POST /api/repair-orders/:id/hold (accepted by tech2)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${tech2Order.id}/hold`,
        payload: { reason: 'parts', note: '等配件' },
      }),
      'POST /api/repair-orders/:id/grab (accepted by tech2)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${tech2Order.id}/grab`,
        payload: {},
      }),
    };
    grid('technicians', technicianColumns, technicianTable, requests);

    it('a technician lists open orders and their own, not another technician’s', async () => {
      const ids = async (caller: Caller) =>
        ((await get(caller, '/api/repair-orders?view=all&limit=200')).json().items as { id: string }[]).map((o) => o.id);
      const tech1 = await ids('tec');
      expect(tech1).toContain(ygOrder.id);
      expect(tech1).not.toContain(tech2Order.id);
      expect(tech1).not.toContain(chOrder.id);
      expect(await ids('tech2')).toContain(tech2Order.id);
    });
  });

  describe('residents', () => {
    const requests: Record<keyof typeof neighbourTable, Build> = {
      'GET /api/repair-orders/:id (neighbour)': () => ({ method: 'GET', url: `/api/repair-orders/${neighbourOrder.id}` }),
      'GET /api/photos/:id (neighbour)': () => ({ method: 'GET', url: `/api/photos/${photo.neighbour}` }),
      'POST /api/repair-orders/:id/photos (neighbour)': () => photoUpload(neighbourOrder.id),
      'POST /api/repair-orders/:id/cancel (neighbour)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${neighbourOrder.id}/cancel`,
        payload: { reason: '不修了' },
      }),
      'POST /api/repair-orders/:id/confirm (neighbour)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${neighbourOrder.id}/confirm`,
        payload: {},
      }),
      'GET /print/repair-orders/:id (neighbour)': () => ({ method: 'GET', url: `/print/repair-orders/${neighbourOrder.id}` }),
      'POST /api/repair-orders for the neighbour’s room': () => ({
        method: 'POST',
        url: '/api/repair-orders',
        payload: createBody(t.yg, neighbourRoom),
      }),
    };
    grid('residents', neighbourColumns, neighbourTable, requests);

    it('a resident lists only their household’s orders', async () => {
      const list = (await get('res', '/api/repair-orders?view=all&limit=200')).json() as { items: { id: string }[]; total: number };
      const ids = list.items.map((o) => o.id);
      expect(ids).toContain(ygOrder.id);
      expect(ids).not.toContain(neighbourOrder.id);
      expect(ids).not.toContain(chOrder.id);
      const mine = (await get('res', `/api/repair-orders/${ygOrder.id}`)).json() as { roomId: string };
      expect(mine.roomId).toBe(resident.roomId);
      expect((await get('res', '/api/notifications')).json()).toEqual({ items: [], unread: 0 });
      // Residents may name a technician, but see neither phones nor workload.
      const technicians = (await get('res', `/api/technicians?communityId=${t.yg}`)).json() as { phone: string; openLoad: number }[];
      expect(technicians.length).toBeGreaterThan(0);
      expect(technicians.every((x) => x.phone === '' && x.openLoad === 0)).toBe(true);
    });

    /** Opens the live stream for a caller; returns what it has received so far. */
    async function listen(caller: Caller) {
      const abort = new AbortController();
      const res = await t.call(cookies[caller], { method: 'GET', url: '/api/live', payloadAsStream: true, signal: abort.signal });
      expect(res.statusCode).toBe(200);
      let text = '';
      const stream = res.stream();
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      stream.on('error', () => undefined);
      return { received: () => text, close: () => abort.abort() };
    }
    async function until(condition: () => boolean, what: string) {
      for (let waited = 0; !condition(); waited += 20) {
        if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    }

    it('a resident’s live stream tells them about their own orders', async () => {
      const live = await listen('res');
      try {
        const { order } = await createRepair(t);
        await until(() => live.received().includes(order.id), 'the own order on the stream');
      } finally {
        live.close();
      }
    });

    // KNOWN BUG (live.ts): the stream forwards every ticket change in the resident's community,
    // merely stripped to {type, ticketId}, although its own comment says residents hear only about
    // their own orders; a resident learns the ids and timing of the neighbours' orders. GET
    // /api/live as a resident: observed, the neighbour's ticketId arrives; expected, it does not.
    it('a resident’s live stream carries nothing of a neighbour’s order', async () => {
      const live = await listen('res');
      try {
        const neighbours = (await createRepair(t, {}, { roomIndex: 3 })).order;
        const own = (await createRepair(t)).order;
        await until(() => live.received().includes(own.id), 'the own order on the stream');
        expect(live.received()).not.toContain(neighbours.id);
      } finally {
        live.close();
      }
    });
  });

  describe('company scoping', () => {
    const otherRequests: Record<keyof typeof otherOnDemoTable, Build> = {
      'GET /api/repair-orders/:id (YG order)': () => ({ method: 'GET', url: `/api/repair-orders/${ygOrder.id}` }),
      'GET /api/photos/:id (YG order)': () => ({ method: 'GET', url: `/api/photos/${photo.yg}` }),
      'POST /api/repair-orders/:id/photos (YG order)': () => photoUpload(ygOrder.id),
      'GET /print/repair-orders/:id (YG order)': () => ({ method: 'GET', url: `/print/repair-orders/${ygOrder.id}` }),
      'POST /api/repair-orders/:id/cancel (YG order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${ygOrder.id}/cancel`,
        payload: { reason: '不修了' },
      }),
      'POST /api/repair-orders/:id/assign (YG order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${ygOrder.id}/assign`,
        payload: { technicianId: tech1Id },
      }),
      'POST /api/repair-orders in YG': () => ({ method: 'POST', url: '/api/repair-orders', payload: createBody(t.yg, resident) }),
      'GET /api/repair-orders?communityId=YG': () => ({ method: 'GET', url: `/api/repair-orders?communityId=${t.yg}` }),
      'GET /api/boards/front-desk?communityId=YG': () => ({ method: 'GET', url: `/api/boards/front-desk?communityId=${t.yg}` }),
      'GET /api/boards/dispatch?communityId=YG': () => ({ method: 'GET', url: `/api/boards/dispatch?communityId=${t.yg}` }),
      'GET /api/rooms?communityId=YG': () => ({ method: 'GET', url: `/api/rooms?communityId=${t.yg}` }),
      'GET /api/technicians?communityId=YG': () => ({ method: 'GET', url: `/api/technicians?communityId=${t.yg}` }),
      'GET /api/buildings?communityId=YG': () => ({ method: 'GET', url: `/api/buildings?communityId=${t.yg}` }),
      'GET /api/visits?communityId=YG': () => ({ method: 'GET', url: `/api/visits?communityId=${t.yg}` }),
      'GET /api/policy?communityId=YG': () => ({ method: 'GET', url: `/api/policy?communityId=${t.yg}` }),
      'PUT /api/policy for YG': () => ({ method: 'PUT', url: '/api/policy', payload: { communityId: t.yg, override: {} } }),
      'POST /api/notifications/:id/read (DEMO admins)': () => ({
        method: 'POST',
        url: `/api/notifications/${notification.demoAdmins}/read`,
      }),
      'POST /api/notifications/:id/read (YG technicians)': () => ({
        method: 'POST',
        url: `/api/notifications/${notification.ygTechnicians}/read`,
      }),
    };
    grid('other company on DEMO', otherColumns, otherOnDemoTable, otherRequests);

    const otherResidentRoom = () => ({
      roomId: other.roomId,
      residentId: other.residentId,
      name: other.residentName,
      phone: other.residentPhone,
    });
    const demoRequests: Record<keyof typeof demoOnOtherTable, Build> = {
      'GET /api/repair-orders/:id (other order)': () => ({ method: 'GET', url: `/api/repair-orders/${otherOrder.id}` }),
      'GET /api/photos/:id (other order)': () => ({ method: 'GET', url: `/api/photos/${photo.other}` }),
      'POST /api/repair-orders/:id/photos (other order)': () => photoUpload(otherOrder.id),
      'GET /print/repair-orders/:id (other order)': () => ({ method: 'GET', url: `/print/repair-orders/${otherOrder.id}` }),
      'POST /api/repair-orders/:id/cancel (other order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${otherOrder.id}/cancel`,
        payload: { reason: '不修了' },
      }),
      'POST /api/repair-orders/:id/grab (other order)': () => ({
        method: 'POST',
        url: `/api/repair-orders/${otherOrder.id}/grab`,
        payload: {},
      }),
      'POST /api/repair-orders in other community': () => ({
        method: 'POST',
        url: '/api/repair-orders',
        payload: createBody(other.communityId, otherResidentRoom()),
      }),
      'GET /api/repair-orders?communityId=other': () => ({ method: 'GET', url: `/api/repair-orders?communityId=${other.communityId}` }),
      'GET /api/boards/front-desk?communityId=other': () => ({
        method: 'GET',
        url: `/api/boards/front-desk?communityId=${other.communityId}`,
      }),
      'GET /api/boards/dispatch?communityId=other': () => ({ method: 'GET', url: `/api/boards/dispatch?communityId=${other.communityId}` }),
      'GET /api/rooms?communityId=other': () => ({ method: 'GET', url: `/api/rooms?communityId=${other.communityId}` }),
      'GET /api/technicians?communityId=other': () => ({ method: 'GET', url: `/api/technicians?communityId=${other.communityId}` }),
      'GET /api/buildings?communityId=other': () => ({ method: 'GET', url: `/api/buildings?communityId=${other.communityId}` }),
      'GET /api/visits?communityId=other': () => ({ method: 'GET', url: `/api/visits?communityId=${other.communityId}` }),
      'GET /api/policy?communityId=other': () => ({ method: 'GET', url: `/api/policy?communityId=${other.communityId}` }),
      'PUT /api/policy for other community': () => ({
        method: 'PUT',
        url: '/api/policy',
        payload: { communityId: other.communityId, override: {} },
      }),
      'POST /api/notifications/:id/read (other admins)': () => ({
        method: 'POST',
        url: `/api/notifications/${notification.otherAdmins}/read`,
      }),
    };
    grid('DEMO on other company', demoColumns, demoOnOtherTable, demoRequests);

    it('each company’s lists, communities, outbox and notifications show only its own', async () => {
      const json = async (caller: Caller, url: string) => {
        const res = await get(caller, url);
        expect(res.statusCode, `${caller} ${url}`).toBe(200);
        return res.json();
      };
      // Communities.
      expect((await json('otherAdmin', '/api/communities')).map((c: { id: string }) => c.id)).toEqual([other.communityId]);
      expect((await json('otherResident', '/api/communities')).map((c: { id: string }) => c.id)).toEqual([other.communityId]);
      expect((await json('adm', '/api/communities')).map((c: { id: string }) => c.id).sort()).toEqual([t.yg, t.ch].sort());
      // Orders, boards, visits.
      for (const caller of ['otherAdmin', 'otherClerk', 'otherResident'] as const) {
        const items = (await json(caller, '/api/repair-orders?view=all&limit=200')).items as { id: string }[];
        expect(items.map((o) => o.id)).toEqual([otherOrder.id]);
      }
      const otherBoard = (await json('otherAdmin', '/api/boards/front-desk')).orders as { id: string }[];
      expect(otherBoard.map((o) => o.id)).toEqual([otherOrder.id]);
      expect(await json('otherAdmin', '/api/visits?status=done')).toEqual([]);
      const demoItems = (await json('adm', '/api/repair-orders?view=all&limit=200')).items as { id: string }[];
      expect(demoItems.map((o) => o.id)).not.toContain(otherOrder.id);
      const demoBoard = (await json('adm', '/api/boards/front-desk')).orders as { id: string }[];
      expect(demoBoard.map((o) => o.id)).not.toContain(otherOrder.id);
      // SMS outbox: the other company's texts go to 137… phones, DEMO's to 138…/139….
      const otherSms = (await json('otherAdmin', '/api/outbox')) as { phone: string; body: string }[];
      expect(otherSms.length).toBeGreaterThan(0);
      expect(otherSms.filter((m) => !m.phone.startsWith('137'))).toEqual([]);
      expect(otherSms.some((m) => m.body.includes(otherOrder.number))).toBe(true);
      const demoSms = (await json('adm', '/api/outbox')) as { phone: string; body: string }[];
      expect(demoSms.some((m) => m.body.includes(ygOrder.number))).toBe(true);
      expect(demoSms.filter((m) => m.phone.startsWith('137') || m.body.includes(otherOrder.number))).toEqual([]);
      // Notifications addressed to "admins" stay within their company.
      const ids = async (caller: Caller) =>
        ((await json(caller, '/api/notifications')).items as { id: string }[]).map((n: { id: string }) => n.id);
      const otherAdminInbox = await ids('otherAdmin');
      expect(otherAdminInbox).toContain(notification.otherAdmins);
      expect(otherAdminInbox).not.toContain(notification.demoAdmins);
      const demoAdminInbox = await ids('adm');
      expect(demoAdminInbox).toContain(notification.demoAdmins);
      expect(demoAdminInbox).not.toContain(notification.otherAdmins);
      expect(await ids('otherClerk')).not.toContain(notification.ygTechnicians);
      // Who am I.
      expect((await json('otherAdmin', '/api/me')).companyId).toBe(other.companyId);
      expect((await json('otherResident', '/api/me')).rooms.map((r: { id: string }) => r.id)).toEqual([other.roomId]);
    });
  });
});
