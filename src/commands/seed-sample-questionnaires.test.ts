import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/support/app.js';
import { seedSampleQuestionnaires } from './seed-sample-questionnaires.js';

describe('the sample questionnaire', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    await seedSampleQuestionnaires(t.deps, t.demo);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is open in 阳光花园 with half its households answered, figures and a Pareto to show', async () => {
    const sup = await t.login('yg.cssup');
    const [q] = (await t.call(sup, { method: 'GET', url: '/api/questionnaires' })).json().items;
    expect(q).toMatchObject({ phase: 'open', issued: 62, answered: 31, recoveryPercent: 50 });
    const s = (await t.call(sup, { method: 'GET', url: `/api/questionnaires/${q.id}/statistics` })).json();
    expect(s.pareto.length).toBeGreaterThan(1);
    expect(s.pareto.some((r: { isMain: boolean }) => r.isMain)).toBe(true);
    expect(s.items.every((i: { abstained: number }) => i.abstained > 0)).toBe(true);
  });

  it('waits for the first demo resident on their phone', async () => {
    const res = await t.loginResident('13800000001');
    expect((await t.call(res, { method: 'GET', url: '/api/resident/questionnaires' })).json().awaiting).toBe(1);
  });
});
