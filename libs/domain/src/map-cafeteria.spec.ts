import { checkMapPart, checkMapPartChoice, checkMapPartCompletion, mapCafeteriaProgress, type ChosenMapPart } from './map-cafeteria';
import { mapDueDate } from './client-deadlines';

const H = 60;
const orientation: ChosenMapPart = { minutes: 12 * H, themes: ['BEROEPENORIENTATIE', 'REALISTISCH_BEROEPSBEELD', 'BEROEPSKANSEN', 'WERKCULTUUR'], practical: false, completedOn: '2026-09-01' };
const application: ChosenMapPart = { minutes: 8 * H, themes: ['WERKNEMERSCOMPETENTIES', 'WERK_VINDEN'], practical: false, completedOn: '2026-10-01' };
const placement: ChosenMapPart = { minutes: 60 * H, themes: ['BEROEPSCOMPETENTIES_VERWERVEN', 'NETWERK_OPBOUWEN', 'WERKCULTUUR'], practical: true, completedOn: '2026-11-20' };

describe('checkMapPart', () => {
  const ok = { name: 'Sollicitatietraining', description: 'Cv, brief en gesprek oefenen', minutes: 8 * H, priceCents: 45000, themes: ['WERK_VINDEN'], practical: false };
  it('accepts a complete catalogue entry', () => {
    expect(checkMapPart(ok)).toEqual([]);
  });
  it('names every missing or wrong field at once', () => {
    expect(checkMapPart({ ...ok, name: ' ', description: '', minutes: 0, priceCents: -1, themes: [] }).map((v) => `${v.field}:${v.code}`)).toEqual([
      'name:MAP_PART_NAME_REQUIRED', 'description:MAP_PART_DESCRIPTION_REQUIRED', 'minutes:MAP_PART_DURATION_INVALID', 'priceCents:MAP_PART_PRICE_INVALID', 'themes:MAP_PART_THEMES_REQUIRED',
    ]);
    expect(checkMapPart({ ...ok, themes: ['GEEN_THEMA'] }).map((v) => v.code)).toEqual(['MAP_PART_THEMES_REQUIRED']);
  });
});

describe('checkMapPartChoice', () => {
  const ok = { route: 'B1' as const, partIds: ['a', 'b'], alreadyChosenIds: [], inactiveIds: [] };
  it('lets a B1 or Z client choose catalogue parts', () => {
    expect(checkMapPartChoice(ok)).toEqual([]);
    expect(checkMapPartChoice({ ...ok, route: 'Z' })).toEqual([]);
  });
  it('asks for the PIP first and refuses the Onderwijsroute, which has no MAP', () => {
    expect(checkMapPartChoice({ ...ok, route: null }).map((v) => v.code)).toEqual(['MAP_PART_PIP_REQUIRED']);
    expect(checkMapPartChoice({ ...ok, route: 'ONDERWIJS' }).map((v) => `${v.field}:${v.code}`)).toEqual(['clientId:MAP_NOT_IN_ONDERWIJSROUTE']);
  });
  it('refuses an empty choice, a part chosen twice and a part no longer offered', () => {
    expect(checkMapPartChoice({ ...ok, partIds: [] }).map((v) => v.code)).toEqual(['MAP_PART_CHOICE_EMPTY']);
    expect(checkMapPartChoice({ ...ok, alreadyChosenIds: ['b'], inactiveIds: ['a'] }).map((v) => v.code)).toEqual(['MAP_PART_ALREADY_CHOSEN', 'MAP_PART_NOT_OFFERED']);
    expect(checkMapPartChoice({ ...ok, partIds: ['a', 'a'] }).map((v) => v.code)).toEqual(['MAP_PART_ALREADY_CHOSEN']);
  });
});

describe('checkMapPartCompletion', () => {
  it('accepts a completion from the day the part was chosen up to today', () => {
    expect(checkMapPartCompletion({ completedOn: '2026-11-02', chosenOn: '2026-11-02', today: '2026-12-01' })).toEqual([]);
    expect(checkMapPartCompletion({ completedOn: '2026-12-01', chosenOn: '2026-11-02', today: '2026-12-01' })).toEqual([]);
  });
  it('refuses a completion in the future or before the choice', () => {
    expect(checkMapPartCompletion({ completedOn: '2026-12-02', chosenOn: '2026-11-02', today: '2026-12-01' }).map((v) => v.code)).toEqual(['MAP_PART_COMPLETED_IN_FUTURE']);
    expect(checkMapPartCompletion({ completedOn: '2026-11-01', chosenOn: '2026-11-02', today: '2026-12-01' }).map((v) => v.code)).toEqual(['MAP_PART_COMPLETED_BEFORE_CHOSEN']);
  });
});

describe('mapCafeteriaProgress', () => {
  it('completes the MAP when every chosen part is done, all 8 themes are treated and a practical part lasted 40 hours', () => {
    const progress = mapCafeteriaProgress([orientation, application, placement]);
    expect(progress).toMatchObject({ partsChosen: 3, partsCompleted: 3, minutesChosen: 80 * H, minutesCompleted: 80 * H, practicalActivityDone: true, complete: true, completedOn: '2026-11-20', missing: [] });
    expect(progress.themesMissing).toEqual([]);
  });
  it('counts progress while parts are still open: done of chosen, hours, and what is missing', () => {
    const progress = mapCafeteriaProgress([orientation, application, { ...placement, completedOn: null }]);
    expect(progress).toMatchObject({ partsChosen: 3, partsCompleted: 2, minutesChosen: 80 * H, minutesCompleted: 20 * H, practicalActivityDone: false, complete: false, completedOn: null });
    expect(progress.themesMissing).toEqual(['BEROEPSCOMPETENTIES_VERWERVEN', 'NETWERK_OPBOUWEN']);
    expect(progress.missing).toEqual([
      'Nog 1 van de 3 gekozen onderdelen af te ronden.',
      'Nog niet behandeld: Beroepscompetenties verwerven, Netwerk opbouwen.',
      'Nog geen afgeronde praktijkactiviteit van minstens 40 uur.',
    ]);
  });
  it('does not count a practical part shorter than 40 hours, nor all parts done that miss a theme', () => {
    expect(mapCafeteriaProgress([orientation, application, { ...placement, minutes: 39 * H }]).complete).toBe(false);
    expect(mapCafeteriaProgress([orientation, placement]).themesMissing).toEqual(['WERKNEMERSCOMPETENTIES', 'WERK_VINDEN']);
    expect(mapCafeteriaProgress([]).missing[0]).toBe('Er zijn nog geen MAP-onderdelen gekozen.');
  });
  it('follows the MAP deadline of the term: within the first 18 months', () => {
    expect(mapDueDate('2026-03-02')).toBe('2027-09-01');
  });
});
