/**
 * Compare with groups of outlets as columns: the selection's rules, a group's sums equal to the sum of its outlets'
 * (a one-outlet group equals that outlet's column), the report's group stance in the cells, the page and the CSV.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createState, type AppState } from '../../src/server/state.js';
import { parseSelection, resolveSelection } from '../../src/server/selection.js';
import { HttpError } from '../../src/server/http-error.js';
import { lexicon, seedDocuments } from './server-fixture.js';

let state: AppState;

beforeAll(async () => {
  const groups = { ownership: { 'Press TV': 'state', ISWNews: 'state', AFP: 'private', 'Al Jazeera Arabic': 'private' }, solo: { AFP: 'afp', 'Press TV': 'press' } };
  state = createState({ compiled: lexicon(), documents: await seedDocuments(), reportOptions: { resamples: 100, groups, permutations: 50 } });
});

const query = (params: Array<[string, string]>) => (name: string) => params.filter(([k]) => k === name).map(([, v]) => v);
const status = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof HttpError ? err.status : -1;
  }
  return undefined;
};

describe('Compare groups side by side', () => {
  it('reads groups= and grouping=, refusing mixes, a grouping alone and the wrong number of groups', () => {
    expect(parseSelection(query([['groups', 'state'], ['groups', 'private']]))).toEqual({ outlets: [], docs: [], groups: ['state', 'private'] });
    expect(parseSelection(query([['groups', 'afp'], ['groups', 'press'], ['grouping', 'solo']]))).toEqual({ outlets: [], docs: [], groups: ['afp', 'press'], grouping: 'solo' });
    expect(status(() => parseSelection(query([['groups', 'state'], ['outlets', 'AFP'], ['outlets', 'ISWNews']])))).toBe(400);
    expect(status(() => parseSelection(query([['grouping', 'solo']])))).toBe(400);
    expect(status(() => parseSelection(query([['groups', 'state']])))).toBe(400);
    expect(status(() => resolveSelection(state, { outlets: [], docs: [], groups: ['state', 'nobody'] }))).toBe(404);
    expect(status(() => resolveSelection(state, { outlets: [], docs: [], groups: ['afp', 'press'], grouping: 'nope' }))).toBe(404);
  });

  it('a group column sums its outlets: a one-outlet group equals the outlet, and carries the report group stance', () => {
    const solo = resolveSelection(state, { outlets: [], docs: [], groups: ['afp', 'press'], grouping: 'solo' }).model;
    const outlets = resolveSelection(state, { outlets: ['AFP', 'Press TV'], docs: [] }).model;
    expect(solo.mode).toBe('groups');
    expect(solo.referents.map((r) => r.referent)).toEqual(outlets.referents.map((r) => r.referent));
    solo.referents.forEach((r, k) => {
      r.cells.forEach((cell, i) => {
        const { group, ...rest } = cell;
        expect(rest).toEqual(outlets.referents[k].cells[i]);
        if (group) expect(group.outlets).toBe(1);
      });
    });
    const two = resolveSelection(state, { outlets: [], docs: [], groups: ['state', 'private'] });
    const each = resolveSelection(state, { outlets: ['Press TV', 'ISWNews'], docs: [] }).model;
    for (const row of two.model.referents) {
      const parts = each.referents.find((r) => r.referent === row.referent)?.cells ?? [];
      expect(row.cells[0].hits).toBe(parts.reduce((n, c) => n + c.hits, 0));
      expect(row.cells[0].ownMentions).toBe(parts.reduce((n, c) => n + c.ownMentions, 0));
      const report = state.report.groups[0].groups.find((g) => g.name === 'state')!.referents[row.referent];
      if (report) expect(row.cells[0].group).toEqual({ stance: report.stance, ci95: report.ci95, outlets: report.outlets });
    }
    expect(two.notes[0]).toMatch(/^state \(grouping "ownership"\): 2 outlets, \d+ documents?: /);
  });

  it('the page has the groups form and the group stance; the CSV adds the group columns', async () => {
    const app = createApp(state);
    const get = async (url: string) => (await app.request(url, { headers: { Host: 'localhost' } })).text();
    const form = await get('/compare');
    expect(form).toContain('<legend>Groups side by side (ownership)</legend>');
    expect(form).toContain('<legend>Groups side by side (solo)</legend>');
    const page = await get('/compare?groups=state&groups=private');
    expect(page).toContain('Labels each group of outlets used');
    expect(page).toContain('group stance, outlets as the unit');
    const csv = (await get('/api/compare?groups=state&groups=private&format=csv')).split('\n');
    expect(csv[0]).toMatch(/,own_stance,group_stance,group_ci_low,group_ci_high,group_outlets$/);
    expect(csv[1].split(',').at(-1)).toBe('2');
    expect((await get('/api/compare?outlets=AFP&outlets=ISWNews&format=csv')).split('\n')[0]).toMatch(/,own_stance$/);
  });
});
