/**
 * Generates a large service-desk history straight into PostgreSQL with set-based SQL
 * (generate_series, INSERT … SELECT) for the dashboard bench: one company, its communities with
 * buildings, rooms, residents and technicians, and about two years of repair orders and complaints
 * with the history events, timers, follow-up visits and resident ratings the dashboards read.
 * See bench/README.md (dashboard section) for the proportions.
 */
import pg from 'pg';
import { effectivePolicy } from '../src/domain/policy/policy.js';

export interface HistoryShape {
  /** Repair orders to generate. */
  orders: number;
  communities: number;
  /** The end of the history ("now" for the dashboards). */
  now: Date;
  /** Days of history before `now`. */
  days: number;
  /** Complaints per household per month. */
  complaintRate: number;
}

export interface GeneratedHistory {
  companyId: string;
  /** The community with the most households (and so the most orders), for single-community queries. */
  busiestCommunityId: string;
  /** A company-level user (company_manager) to ask the dashboards as. */
  managerId: string;
  managerName: string;
  /** Rows per table after generation. */
  rows: Record<string, number>;
  /** Seconds per generation step, in order. */
  steps: [string, number][];
}

/** The tables bulk-loaded here: their secondary indexes are dropped during the load and rebuilt after. */
const bulkTables = ['tickets', 'repair_orders', 'ticket_events', 'timers', 'visits', 'ticket_ratings', 'complaints'];

const technicianCount = 8;

/** Loads the history into the (migrated, empty) database at `url`. */
export async function generateHistory(
  url: string,
  shape: HistoryShape,
  log: (line: string) => void = () => undefined,
): Promise<GeneratedHistory> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const steps: [string, number][] = [];
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    const result = await c.query(text, values);
    const seconds = (performance.now() - started) / 1000;
    steps.push([name, seconds]);
    log(`  ${name}: ${result.rowCount ?? 0} rows, ${seconds.toFixed(1)} s`);
    return result;
  };
  try {
    // A bulk load of consistent rows: foreign-key triggers off (the rows reference what exists),
    // generous memory for sorts and index builds, no waiting for each commit's WAL flush.
    await c.query(`set session_replication_role = replica`);
    await c.query(`set maintenance_work_mem = '512MB'`);
    await c.query(`set work_mem = '128MB'`);
    await c.query(`set synchronous_commit = off`);
    // Every ticket carries its policy snapshot (≈ 2.6 kB of JSON, compressed out of line): lz4
    // compresses a million of them several times faster than the default pglz.
    await c.query(`set default_toast_compression = lz4`);
    await c.query(`select setseed(0.42)`);

    const now = shape.now.toISOString();
    const policy = JSON.stringify(effectivePolicy(undefined, undefined));
    const companyId = (
      await c.query<{ id: string }>(`insert into companies (id, name, code) values (gen_random_uuid(), '压测物业', 'BENCH') returning id`)
    ).rows[0]!.id;

    // Saved definitions of what is dropped for the load, restored afterwards.
    const dropped = await dropForLoad(c);
    log(`  dropped ${dropped.length} indexes and keys of ${bulkTables.join(', ')} for the load`);

    // Communities of different sizes: 4–16 buildings of 6–18 floors, two units, four rooms a floor.
    await step(
      'communities',
      `create temp table bc as
         select i, gen_random_uuid() id, 4 + (i * 7) % 13 nb, 6 + (i * 5) % 13 floors
         from generate_series(0, $1::int - 1) i`,
      [shape.communities],
    );
    await c.query(
      `insert into communities (id, company_id, name, code, address)
       select id, $1, '压测小区' || (i + 1), 'C' || lpad((i + 1)::text, 3, '0'), '压测路 ' || (i + 1) || ' 号' from bc`,
      [companyId],
    );
    await step(
      'buildings',
      `create temp table bb as select c.i ci, c.id cid, b, gen_random_uuid() id, c.floors from bc c, generate_series(0, c.nb - 1) b`,
    );
    await c.query(
      `insert into buildings (id, company_id, community_id, name, handover_date, sort_order)
       select id, $1, cid, (b + 1) || '栋', date '2019-06-30' + ci, b from bb`,
      [companyId],
    );
    // br: every room numbered 0..R-1 (rn), so an order picks its household with one random number:
    // communities get orders in proportion to their households.
    await step(
      'rooms (plan)',
      `create temp table br as
         select (row_number() over (order by bb.ci, bb.b, u, f, k) - 1)::int rn, bb.ci, bb.cid, bb.id bid, bb.b,
                u, f, k, gen_random_uuid() id, gen_random_uuid() rid
         from bb, generate_series(1, 2) u, generate_series(1, bb.floors) f, generate_series(1, 4) k`,
    );
    await c.query(`create unique index on br (rn)`);
    await step(
      'rooms',
      `insert into rooms (id, company_id, community_id, building_id, unit, number, floor, area_sqm)
       select id, $1, cid, bid, u || '单元', (f * 100 + k)::text, f, 60 + (rn % 7) * 15 from br`,
      [companyId],
    );
    await step(
      'residents',
      `insert into residents (id, company_id, community_id, room_id, name, phone, relation, created_at)
       select rid, $1, cid, id, '业主' || rn, '139' || lpad(rn::text, 8, '0'), 'owner', $2::timestamptz - interval '3 years' from br`,
      [companyId, now],
    );
    // A second person in about a third of the households.
    await step(
      'residents (family)',
      `insert into residents (id, company_id, community_id, room_id, name, phone, relation, created_at)
       select gen_random_uuid(), $1, cid, id, '家属' || rn, '137' || lpad(rn::text, 8, '0'), 'family', $2::timestamptz - interval '2 years'
       from br where rn % 3 = 0`,
      [companyId, now],
    );
    const roomCount = Number((await c.query<{ n: string }>(`select count(*) n from br`)).rows[0]!.n);

    await step(
      'staff',
      `create temp table bt as select c.i ci, c.id cid, k, gen_random_uuid() id from bc c, generate_series(0, $1::int - 1) k`,
      [technicianCount],
    );
    await c.query(
      `insert into users (id, company_id, community_id, username, password_hash, name, role, department, skills)
       select id, $1, cid, 'bench.c' || (ci + 1) || '.tech' || (k + 1), '!', '师傅' || (ci + 1) || '-' || (k + 1),
              'technician', 'engineering', array['plumbing', 'electrical']
       from bt`,
      [companyId],
    );
    await c.query(`create unique index on bt (ci, k)`);
    const manager = (
      await c.query<{ id: string; name: string }>(
        `insert into users (id, company_id, community_id, username, password_hash, name, role, department)
         values (gen_random_uuid(), $1, null, 'bench.gm', '!', '压测总经理', 'company_manager', 'management') returning id, name`,
        [companyId],
      )
    ).rows[0]!;

    await step('orders (plan)', ordersPlanSql, [shape.orders, roomCount, now, shape.days, technicianCount]);
    await c.query(`analyze bo`);

    await step(
      'tickets (repair)',
      `insert into tickets (id, company_id, community_id, kind, number, status, building_id, room_id, location,
                            reporter_name, reporter_phone, resident_id, channel, content, urgency, assignee_id, flags,
                            created_by_id, created_by_name, policy, version, created_at, updated_at, closed_at)
       select id, $1, cid, 'repair', 'C' || lpad((ci + 1)::text, 3, '0') || '-BX-' || lpad(g::text, 8, '0'), status, bid, room_id,
              (b + 1) || '栋' || u || '单元' || (f * 100 + k), '业主' || rn, '139' || lpad(rn::text, 8, '0'), resident_id,
              channel, category || ' 报修 #' || g, urgency, assignee_id, flags, 'bench', '压测前台', $2::jsonb,
              1 + events, created_at, coalesce(t_end, t_visit, t_conf, t_done, t_ver, t_arr, t_acc, t_disp, created_at),
              case when status in ('closed', 'cancelled') then t_end end
       from bo`,
      [companyId, policy],
    );
    await step(
      'repair_orders',
      `insert into repair_orders (ticket_id, category, area, timing, appointment_at, promised_times, code_hash,
                                  accepted_at, arrived_at, completed_at, confirmed_at, actual_items, summary,
                                  labour_fee_cents, material_fee_cents, hold_reason, fee_status, paid_at,
                                  reopen_count, satisfaction, verified_at, verified_by)
       select id, category, case when category = 'public_area' then 'public' else 'in_home' end, timing,
              case when timing = 'appointment' then created_at + interval '1 day' end, '[]'::jsonb, '!',
              t_acc, t_arr, t_done, t_conf, case when t_done is not null then '更换配件' end,
              case when t_done is not null then '已修复' end,
              case when t_done is not null and fee > 0 then fee else 0 end,
              case when t_done is not null and fee > 0 then fee / 2 else 0 end,
              case when status = 'on_hold' then 'parts' end,
              case when t_done is null or fee = 0 then 'none' when t_conf is null then 'owed' else 'paid' end,
              case when t_conf is not null and fee > 0 then t_conf end,
              reopened, visit_outcome, t_ver, case when t_ver is not null then 'code' end
       from bo`,
    );
    await step('ticket_events (repair)', repairEventsSql, [companyId]);
    await step('timers (repair)', repairTimersSql, [companyId, now]);
    await step(
      'visits (repair)',
      `insert into visits (id, company_id, community_id, ticket_id, status, ticket_kind, category, due_at, duty,
                           visitor_id, technician_id, method, outcome, charge_check, comment,
                           visited_by_id, visited_by_name, visited_at, created_at)
       select gen_random_uuid(), $1, cid, id, case when t_visit is not null then 'closed' else 'pending' end, 'repair', category,
              t_conf + interval '3 days', 'desk', null, assignee_id,
              case when t_visit is null then null when u_method < 0.9 then 'phone' else 'home' end,
              visit_outcome, case when t_visit is null then null when fee > 0 then 'correct' else 'no_charge' end,
              case when t_visit is not null then '回访' end,
              case when t_visit is not null then 'bench' end, case when t_visit is not null then '压测客服' end,
              t_visit, t_conf
       from bo where t_conf is not null`,
      [companyId],
    );
    await step(
      'ticket_ratings',
      `insert into ticket_ratings (id, company_id, community_id, ticket_id, resident_id, outcome, comment, created_at)
       select gen_random_uuid(), $1, cid, id, resident_id,
              case when u_rating < 0.85 then 'satisfied' when u_rating < 0.96 then 'basically_satisfied' else 'unsatisfied' end,
              case when u_rating < 0.96 then '' else '师傅来晚了' end, t_conf + interval '10 minutes'
       from bo where t_conf is not null and u_rated < 0.5`,
      [companyId],
    );

    await step('complaints (plan)', complaintsPlanSql, [
      Math.round(roomCount * shape.complaintRate * (shape.days / 30.4)),
      roomCount,
      now,
      shape.days,
    ]);
    await step(
      'tickets (complaint)',
      `insert into tickets (id, company_id, community_id, kind, number, status, building_id, room_id, location,
                            reporter_name, reporter_phone, resident_id, channel, content, urgency, assignee_id,
                            party_room_ids, created_by_id, created_by_name, policy, version, created_at, updated_at, closed_at)
       select id, $1, cid, 'complaint', 'C' || lpad((ci + 1)::text, 3, '0') || '-TS-' || lpad(g::text, 8, '0'), status, bid, room_id,
              (b + 1) || '栋' || u || '单元' || (f * 100 + k), '业主' || rn, '139' || lpad(rn::text, 8, '0'), resident_id,
              'phone', '投诉 #' || g, 'normal', null, array[room_id], 'bench', '压测前台', $2::jsonb, 4, created_at,
              coalesce(t_visit, t_reply, t_class, created_at), t_visit
       from bk`,
      [companyId, policy],
    );
    await step(
      'complaints',
      `insert into complaints (ticket_id, complaint_class, is_developer_caused, is_serious, form, households,
                               classified_at, agreed_reply_at, solving_department, result_summary, reply_summary, visit_outcome)
       select id, class, u_dev < 0.1, u_dev > 0.99, 'oral',
              jsonb_build_array(jsonb_build_object('householdId', room_id, 'label', (b + 1) || '栋' || u || '单元' || (f * 100 + k),
                                                   'residentId', resident_id)),
              t_class, t_class + interval '2 days', case when class is null then null else 'engineering' end,
              case when t_reply is not null then '已处理' end, case when t_reply is not null then '已答复' end, visit_outcome
       from bk`,
    );
    await step(
      'ticket_events (complaint)',
      `insert into ticket_events (id, company_id, community_id, ticket_id, seq, type, actor_kind, actor_id, actor_name,
                                  actor_role, from_status, to_status, data, at)
       select gen_random_uuid(), $1, bk.cid, bk.id, e.seq, e.type, 'staff', 'bench', '压测客服', e.role, e.from_status, e.to_status,
              '{}'::jsonb, e.at
       from bk cross join lateral (values
         (1, 'ComplaintRecorded', 'clerk', null, 'recorded', bk.created_at),
         (2, 'ComplaintClassified', 'cs_supervisor', 'recorded', 'in_hand', bk.t_class),
         (3, 'ComplainantReplied', 'cs_supervisor', 'in_hand', 'replied', bk.t_reply),
         (4, 'ComplaintVisited', 'clerk', 'replied', 'closed', bk.t_visit)
       ) e(seq, type, role, from_status, to_status, at)
       where e.at is not null`,
      [companyId],
    );
    await step(
      'visits (complaint)',
      `insert into visits (id, company_id, community_id, ticket_id, status, ticket_kind, category, due_at, duty,
                           method, outcome, visited_by_id, visited_by_name, visited_at, created_at)
       select gen_random_uuid(), $1, cid, id, case when t_visit is not null then 'closed' else 'pending' end, 'complaint', '',
              t_reply + interval '3 days', 'desk', case when t_visit is not null then 'phone' end, visit_outcome,
              case when t_visit is not null then 'bench' end, case when t_visit is not null then '压测客服' end, t_visit, t_reply
       from bk where t_reply is not null`,
      [companyId],
    );

    log('  rebuilding the dropped indexes and keys');
    for (const d of dropped) await step(`index ${d.name}`, d.restore);
    // As autovacuum would have long done on a live system (visibility map for index-only scans,
    // statistics); done here so it does not start in the middle of the measurements.
    await step('vacuum analyze', 'vacuum (analyze)');

    const busiest = (await c.query<{ id: string }>(`select cid id from br group by cid order by count(*) desc, cid limit 1`)).rows[0]!.id;
    const rows: Record<string, number> = {};
    for (const t of ['communities', 'buildings', 'rooms', 'residents', 'users', ...bulkTables]) {
      rows[t] = Number((await c.query<{ n: string }>(`select count(*) n from ${pg.escapeIdentifier(t)}`)).rows[0]!.n);
    }
    return { companyId, busiestCommunityId: busiest, managerId: manager.id, managerName: manager.name, rows, steps };
  } finally {
    await c.end();
  }
}

interface Dropped {
  name: string;
  restore: string;
}

/**
 * Drops the secondary indexes of the bulk tables and the primary keys no foreign key points at:
 * building them once over the loaded rows is many times faster than maintaining them row by row.
 */
async function dropForLoad(c: pg.Client): Promise<Dropped[]> {
  const keys = await c.query<{ tbl: string; name: string; def: string }>(
    `select k.conrelid::regclass::text tbl, k.conname name, pg_get_constraintdef(k.oid) def
     from pg_constraint k
     where k.contype = 'p' and k.conrelid = any($1::regclass[])
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = k.conrelid)`,
    [bulkTables],
  );
  const indexes = await c.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text name, pg_get_indexdef(i.indexrelid) def
     from pg_index i
     where i.indrelid = any($1::regclass[])
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [bulkTables],
  );
  const dropped: Dropped[] = [];
  for (const k of keys.rows) {
    await c.query(`alter table ${k.tbl} drop constraint ${pg.escapeIdentifier(k.name)}`);
    dropped.push({ name: k.name, restore: `alter table ${k.tbl} add constraint ${pg.escapeIdentifier(k.name)} ${k.def}` });
  }
  for (const i of indexes.rows) {
    await c.query(`drop index ${i.name}`);
    dropped.push({ name: i.name, restore: i.def });
  }
  return dropped;
}

/**
 * bo: one row per repair order with its whole life planned. Raw step times first (minutes after
 * the previous step), then every step later than `now` is cut off, and the state is the last step
 * reached. A few orders take another path: cancelled before anyone took them (3%), on hold for
 * parts (in the last 30 days, 1.5%), confirmed but never visited (1.5%).
 * $1 orders, $2 rooms, $3 now, $4 days, $5 technicians per community.
 */
const ordersPlanSql = `
create temp table bo as
with s as materialized (
  -- Days before now fall with g, so the rows come (and are stored) in about the order they were
  -- reported, as in a live system, without sorting a million wide rows.
  select g, floor(random() * $2::int)::int pick, floor(($1::int - g)::float8 * $4::int / $1::int)::int age_days,
         7 * 3600 + random() * 14 * 3600 tod, random() u_acc, random() u_arr, random() u_work, random() u_conf,
         random() u_visit, random() u_path, random() u_grab, random() u_cat, random() u_urgent, random() u_timing,
         random() u_fee, random() u_outcome, random() u_method, random() u_rated, random() u_rating, random() u_tech,
         random() u_reopen, random() u_channel
  from generate_series(1, $1::int) g
), t as (
  select s.*, r.rn, r.ci, r.cid, r.bid, r.b, r.u, r.f, r.k, r.id room_id, r.rid resident_id,
         case when c0 > $3::timestamptz then c0 - interval '1 day' else c0 end created_at
  from s join br r on r.rn = s.pick
  cross join lateral (
    select (((($3::timestamptz at time zone 'Asia/Shanghai')::date - s.age_days)::timestamp
             + s.tod * interval '1 second') at time zone 'Asia/Shanghai') c0
  ) c
), raw as (
  select t.*,
         (array['plumbing', 'plumbing', 'plumbing', 'electrical', 'electrical', 'doors_windows', 'appliance', 'equipment',
                'public_area', 'other'])[1 + floor(u_cat * 10)::int] category,
         (array['phone', 'phone', 'phone', 'phone', 'walk_in', 'walk_in', 'app', 'wechat', 'wechat', 'patrol'])[1 + floor(u_channel * 10)::int] channel,
         case when u_urgent < 0.05 then 'urgent' else 'normal' end urgency,
         case when u_timing < 0.12 then 'appointment' else 'immediate' end timing,
         case when u_fee < 0.3 then 2000 + floor(u_fee * 60000)::int else 0 end fee,
         u_grab < 0.6 grabbed,
         case when u_path < 0.03 then 'cancel' when u_path < 0.045 then 'hold' when u_path < 0.06 then 'no_visit' else 'normal' end path,
         (1 + 45 * power(u_acc, 4)) * interval '1 minute' d_acc,
         (10 + 110 * power(u_arr, 3)) * interval '1 minute' d_arr,
         (20 + 220 * power(u_work, 2)) * interval '1 minute' d_work,
         (case when u_conf < 0.7 then 5 + 40 * u_conf else 60 + 2880 * u_conf end) * interval '1 minute' d_conf,
         (600 + 4000 * u_visit) * interval '1 minute' d_visit
  from t
), times as (
  select raw.*,
         created_at + d_acc / 2 r_disp,
         created_at + d_acc r_acc,
         created_at + d_acc + d_arr r_arr,
         created_at + d_acc + d_arr + interval '2 minutes' r_ver,
         created_at + d_acc + d_arr + d_work r_done,
         created_at + d_acc + d_arr + d_work + d_conf r_conf,
         created_at + d_acc + d_arr + d_work + d_conf + d_visit r_visit
  from raw
), cut as (
  select times.*,
         case when not grabbed and path <> 'cancel' and r_disp <= $3 then r_disp end t_disp,
         case when path <> 'cancel' and r_acc <= $3 then r_acc end t_acc,
         case when path <> 'cancel' and r_arr <= $3 then r_arr end t_arr,
         case when path <> 'cancel' and r_ver <= $3 then r_ver end t_ver,
         case when path = 'hold' and created_at > $3::timestamptz - interval '30 days' and r_ver + interval '30 minutes' <= $3
              then r_ver + interval '30 minutes' end t_hold,
         case when path not in ('cancel') and not (path = 'hold' and created_at > $3::timestamptz - interval '30 days')
              and r_done <= $3 then r_done end t_done,
         case when path not in ('cancel') and not (path = 'hold' and created_at > $3::timestamptz - interval '30 days')
              and r_conf <= $3 then r_conf end t_conf,
         case when path not in ('cancel', 'no_visit') and not (path = 'hold' and created_at > $3::timestamptz - interval '30 days')
              and r_visit <= $3 then r_visit end t_visit,
         case when path = 'cancel' and created_at + interval '20 minutes' <= $3 then created_at + interval '20 minutes' end t_cancel
  from times
)
select g, gen_random_uuid() id, rn, ci, cid, bid, b, u, f, k, room_id, resident_id, created_at, category, channel, urgency,
       timing, fee, grabbed, t_disp, t_acc, t_arr, t_ver, t_hold, t_done, t_conf, t_visit, coalesce(t_cancel, t_visit) t_end,
       u_method, u_rated, u_rating,
       case when t_cancel is not null then 'cancelled' when t_visit is not null then 'closed' when t_conf is not null then 'confirmed'
            when t_done is not null then 'completed' when t_hold is not null then 'on_hold' when t_ver is not null then 'in_progress'
            when t_arr is not null then 'arrived' when t_acc is not null then 'accepted' when t_disp is not null then 'dispatched'
            else 'open' end status,
       case when t_acc is not null then tech.tech_id end assignee_id,
       case when t_visit is null then null when u_outcome < 0.86 then 'satisfied' when u_outcome < 0.97 then 'basically_satisfied'
            else 'unsatisfied' end visit_outcome,
       case when t_visit is not null and u_reopen < 0.02 then 1 else 0 end reopened,
       array_remove(array[
         case when d_acc > interval '30 minutes' then 'grab_overdue' end,
         case when d_acc + d_arr > interval '2 hours' then 'arrival_overdue' end,
         case when t_done is not null and (t_done at time zone 'Asia/Shanghai')::date > (created_at at time zone 'Asia/Shanghai')::date
              then 'not_done_same_day' end,
         case when t_conf is not null and t_visit is null and t_conf + interval '3 days' < $3 then 'visit_overdue' end
       ], null) flags,
       (case when t_cancel is not null then 2 else 1 end) + (case when t_disp is not null then 1 else 0 end)
         + (case when t_acc is not null then 1 else 0 end) + (case when t_arr is not null then 1 else 0 end)
         + (case when t_ver is not null then 1 else 0 end) + (case when t_hold is not null then 1 else 0 end)
         + (case when t_done is not null then 1 else 0 end) + (case when t_conf is not null then 1 else 0 end)
         + (case when t_visit is not null then 1 else 0 end) - 1 events
from cut join (select ci tech_ci, k tech_k, id tech_id from bt) tech
  on tech.tech_ci = cut.ci and tech.tech_k = floor(cut.u_tech * $5::int)::int`;

/**
 * The steps of each order as history events; a step not reached has no event. On hold and
 * completed never both happen to one generated order, so they share a number. $1 company.
 */
const repairEventsSql = `
insert into ticket_events (id, company_id, community_id, ticket_id, seq, type, actor_kind, actor_id, actor_name, actor_role,
                           from_status, to_status, data, at)
select gen_random_uuid(), $1, bo.cid, bo.id, e.seq, e.type,
       case when e.role = 'resident' then 'resident' else 'staff' end, 'bench', '压测', e.role, e.from_status, e.to_status,
       '{}'::jsonb, e.at
from bo cross join lateral (select case when bo.t_disp is null then 0 else 1 end d) x
cross join lateral (values
  (1, 'OrderCreated', 'clerk', null, 'open', bo.created_at),
  (2, 'OrderAssigned', 'eng_supervisor', 'open', 'dispatched', bo.t_disp),
  (2 + x.d, case when bo.grabbed then 'OrderGrabbed' else 'OrderAccepted' end, 'technician',
      case when bo.grabbed then 'open' else 'dispatched' end, 'accepted', bo.t_acc),
  (3 + x.d, 'TechnicianArrived', 'technician', 'accepted', 'arrived', bo.t_arr),
  (4 + x.d, 'CodeVerified', 'technician', 'arrived', 'in_progress', bo.t_ver),
  (5 + x.d, 'OrderPutOnHold', 'technician', 'in_progress', 'on_hold', bo.t_hold),
  (5 + x.d, 'OrderCompleted', 'technician', 'in_progress', 'completed', bo.t_done),
  (6 + x.d, 'CompletionConfirmed', 'resident', 'completed', 'confirmed', bo.t_conf),
  (7 + x.d, 'VisitRecorded', 'clerk', 'confirmed', 'closed', bo.t_visit),
  (2, 'OrderCancelled', 'clerk', 'open', 'cancelled', case when bo.status = 'cancelled' then bo.t_end end)
) e(seq, type, role, from_status, to_status, at)
where e.at is not null`;

/**
 * The timers each order started: grab, arrival and same-day always, the visit's once confirmed.
 * Pending while the step has not come and the timer is not due; fired when the step came late
 * (or never came); cancelled otherwise. $1 company, $2 now.
 */
const repairTimersSql = `
insert into timers (id, company_id, community_id, ticket_id, kind, level, status, due_at, fired_at, fired_by, created_at)
select gen_random_uuid(), $1, bo.cid, bo.id, x.kind, 0, y.status, x.due_at,
       case when y.status = 'fired' then x.due_at end, case when y.status = 'fired' then 'scheduler' end, x.created_at
from bo cross join lateral (values
  ('grab_timeout', bo.created_at + interval '30 minutes', coalesce(bo.t_acc, bo.t_end), bo.created_at),
  ('arrival_timeout', bo.created_at + interval '2 hours', coalesce(bo.t_arr, bo.t_end), bo.created_at),
  ('same_day_timeout', ((bo.created_at at time zone 'Asia/Shanghai')::date + 1)::timestamp at time zone 'Asia/Shanghai',
     coalesce(bo.t_done, bo.t_end), bo.created_at),
  ('visit_due', bo.t_conf + interval '3 days', bo.t_visit, bo.t_conf)
) x(kind, due_at, done_at, created_at)
cross join lateral (
  select case when x.done_at is null and x.due_at > $2::timestamptz then 'pending'
              when x.done_at is null or x.done_at > x.due_at then 'fired' else 'cancelled' end status
) y
where x.created_at is not null`;

/**
 * bk: one row per complaint, on a random household, spread over the same period: classified
 * within a day, answered within a week, visited a few days later; the last weeks' still open.
 * $1 complaints, $2 rooms, $3 now, $4 days.
 */
const complaintsPlanSql = `
create temp table bk as
with s as materialized (
  select g, floor(random() * $2::int)::int pick, random() * $4::int * 86400 age_s, random() u_class, random() u_reply,
         random() u_visit, random() u_outcome, random() u_dev
  from generate_series(1, $1::int) g
), t as (
  select s.*, r.rn, r.ci, r.cid, r.bid, r.b, r.u, r.f, r.k, r.id room_id, r.rid resident_id,
         $3::timestamptz - s.age_s * interval '1 second' created_at
  from s join br r on r.rn = s.pick
), p as (
  select t.*,
         created_at + (60 + 1380 * u_class) * interval '1 minute' r_class,
         created_at + (1 + 6 * u_reply) * interval '1 day' r_reply,
         created_at + (1 + 6 * u_reply) * interval '1 day' + (1 + 3 * u_visit) * interval '1 day' r_visit
  from t
)
select g, gen_random_uuid() id, rn, ci, cid, bid, b, u, f, k, room_id, resident_id, created_at, u_dev,
       case when r_class <= $3 then r_class end t_class,
       case when r_reply <= $3 then r_reply end t_reply,
       case when r_visit <= $3 then r_visit end t_visit,
       case when r_class > $3 then null when u_class < 0.6 then 'valid' when u_class < 0.8 then 'assisted'
            when u_class < 0.95 then 'invalid' else 'collective' end class,
       case when r_visit <= $3 then case when u_outcome < 0.8 then 'satisfied' when u_outcome < 0.93 then 'basically_satisfied'
            else 'unsatisfied' end end visit_outcome,
       case when r_visit <= $3 then 'closed' when r_reply <= $3 then 'replied' when r_class <= $3 then 'in_hand'
            else 'recorded' end status
from p
order by created_at`;

/** The facts of a history generated by an earlier run (kept with BENCH_DASHBOARD_KEEP). */
export async function findHistory(url: string): Promise<GeneratedHistory> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ company_id: string; busiest: string; manager_id: string; manager_name: string }>(
      `select co.id company_id,
              (select r.community_id from rooms r where r.company_id = co.id group by r.community_id
               order by count(*) desc, r.community_id limit 1) busiest,
              u.id manager_id, u.name manager_name
       from companies co join users u on u.company_id = co.id and u.username = 'bench.gm'
       where co.code = 'BENCH'`,
    );
    const r = rows[0];
    if (!r) throw new Error('no generated history in this database (company BENCH)');
    const counts: Record<string, number> = {};
    for (const t of ['communities', 'buildings', 'rooms', 'residents', 'users', ...bulkTables]) {
      counts[t] = Number((await c.query<{ n: string }>(`select count(*) n from ${pg.escapeIdentifier(t)}`)).rows[0]!.n);
    }
    return {
      companyId: r.company_id,
      busiestCommunityId: r.busiest,
      managerId: r.manager_id,
      managerName: r.manager_name,
      rows: counts,
      steps: [],
    };
  } finally {
    await c.end();
  }
}
