import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.js';
import type { TestApp } from './app.js';

/*
 * The grid of the access tests, shared by every feature's access table (tests/access/*.ts):
 * one row per route, one column per caller, each cell the exact status that caller must get.
 *   200/201  allowed          401  not signed in       403  the role may not do this
 *   404      outside the caller's scope (not revealed)
 *   ok       a state-machine action past authorization: 2xx, or 409/422 from the rules
 */
export const ok = 'ok';
export type Expect = number | typeof ok;

/** The main columns: anonymous and one demo person of every role (community staff of YG). */
export const columns = ['anon', 'adm', 'gm', 'ctr', 'dir', 'csm', 'css', 'clk', 'eng', 'tec', 'dep', 'fin', 'dev', 'res'] as const;
export type Column = (typeof columns)[number];

export const roleOf: Record<Column, Role | null> = {
  anon: null,
  adm: 'admin',
  gm: 'company_manager',
  ctr: 'complaint_centre',
  dir: 'director',
  csm: 'cs_manager',
  css: 'cs_supervisor',
  clk: 'clerk',
  eng: 'eng_supervisor',
  tec: 'technician',
  dep: 'department_staff',
  fin: 'finance',
  dev: 'developer_liaison',
  res: 'resident',
};

export const usernameOf: Record<Exclude<Column, 'anon' | 'res'>, string> = {
  adm: 'admin',
  gm: 'gm',
  ctr: 'centre',
  dir: 'yg.director',
  csm: 'yg.csmanager',
  css: 'yg.cssup',
  clk: 'yg.clerk',
  eng: 'yg.engsup',
  tec: 'yg.tech1',
  dep: 'yg.security',
  fin: 'yg.finance',
  dev: 'yg.developer',
};

export const matches = (want: Expect, got: number) =>
  want === ok ? (got >= 200 && got < 300) || got === 409 || got === 422 : got === want;

/** Signs in every column (the resident by the given phone); anon has no cookie. */
export async function signInColumns(t: TestApp, residentPhone: string): Promise<Record<Column, string | null>> {
  const cookies = { anon: null } as Record<Column, string | null>;
  await Promise.all(
    Object.entries(usernameOf).map(async ([c, username]) => {
      cookies[c as Column] = await t.login(username);
    }),
  );
  cookies.res = await t.loginResident(residentPhone);
  return cookies;
}

export type Req = InjectOptions;
export type Build<C extends string = Column> = (caller: C, index: number) => Req | Promise<Req>;

/**
 * One `it` per row: every caller of the row tried (a fresh request each, built by `requests`),
 * every mismatch reported at once.
 */
export function accessGrid<C extends string>(
  name: string,
  cols: readonly C[],
  rows: Record<string, readonly Expect[]>,
  requests: () => Record<string, Build<C>>,
  call: (caller: C, req: Req) => Promise<{ statusCode: number; body: string }>,
): void {
  for (const [label, expected] of Object.entries(rows)) {
    it(`${name}: ${label}`, async () => {
      expect(expected).toHaveLength(cols.length);
      const build = requests()[label];
      if (!build) throw new Error(`no request for ${label}`);
      const failures: string[] = [];
      for (const [i, caller] of cols.entries()) {
        const want = expected[i]!;
        const res = await call(caller, await build(caller, i));
        if (!matches(want, res.statusCode)) failures.push(`${caller}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    });
  }
}

/** The "METHOD /path" keys of a table whose rows name routes plainly (no "(…)" variants). */
export const routeKeysOf = (table: Record<string, unknown>): string[] =>
  Object.keys(table).filter((k) => /^(GET|POST|PUT|PATCH|DELETE) \S+$/.test(k));
