import type { Page } from 'playwright-core';
import { addFilm } from '../support/films.js';
import {
  expectAccessible,
  horizontalOverflow,
  newVisitor,
  pageProblems,
  saveScreenshot,
} from './support/browser.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: a person’s page', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp();
  });

  afterAll(async () => {
    await web?.close();
  });

  const visitor = (phone = false) => newVisitor(web.browser, web.baseURL, { phone });
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const filmsIn = (page: Page, section: 'directed' | 'cast') =>
    page.locator(`#${section}-films li`).allInnerTexts();

  it('is a click away from a film’s director, and lists what they directed and act in, newest first', async () => {
    const klapisch = { name: 'Cédric Klapisch' };
    const paris = await addFilm(web.app, {
      title: 'Paris',
      year: 2008,
      directors: [klapisch],
      cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }],
    });
    await addFilm(web.app, { title: "L'Auberge espagnole", year: 2002, directors: [klapisch] });
    await addFilm(web.app, {
      title: 'Un air de famille',
      year: 1996,
      directors: [{ name: 'Agnès Jaoui' }],
      cast: [klapisch],
    });
    const { context, page } = await visitor();

    await page.goto(`/film/${paris.slug}`);
    await page.locator('.film-details').getByRole('link', { name: 'Cédric Klapisch' }).click();
    await page.waitForURL('/person/cedric-klapisch');
    await expect(heading(page)).resolves.toBe('Cédric Klapisch');
    await expect(page.title()).resolves.toBe('Cédric Klapisch · Filmlog');
    await expect(filmsIn(page, 'directed')).resolves.toEqual(['Paris (2008)', "L'Auberge espagnole (2002)"]);
    await expect(filmsIn(page, 'cast')).resolves.toEqual(['Un air de famille (1996)']);
    await expectAccessible(page);
    await saveScreenshot(page, 'person-page');

    await page.getByRole('region', { name: 'Cast' }).getByRole('link', { name: 'Un air de famille' }).click();
    await page.waitForURL('/film/un-air-de-famille-1996');
    await page.locator('.film-details').getByRole('link', { name: 'Agnès Jaoui' }).click();
    await page.waitForURL('/person/agnes-jaoui');
    await expect(filmsIn(page, 'directed')).resolves.toEqual(['Un air de famille (1996)']);
    await expect(page.getByRole('heading', { name: 'Cast' }).count()).resolves.toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('links every cast name on the film page, and fits a phone', async () => {
    const film = await addFilm(web.app, {
      title: 'Ida',
      year: 2013,
      directors: [{ name: 'Paweł Pawlikowski' }],
      cast: [{ name: 'Agata Trzebuchowska' }, { name: 'Agata Kulesza' }],
    });
    const { context, page } = await visitor(true);

    await page.goto(`/film/${film.slug}`);
    const links = page.locator('.film-details a');
    await expect(links.allInnerTexts()).resolves.toEqual([
      'Paweł Pawlikowski',
      'Agata Trzebuchowska',
      'Agata Kulesza',
    ]);
    await expect(links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).resolves.toEqual(
      ['/person/pawel-pawlikowski', '/person/agata-trzebuchowska', '/person/agata-kulesza'],
    );
    await page.getByRole('link', { name: 'Agata Kulesza' }).click();
    await page.waitForURL('/person/agata-kulesza');
    await expect(filmsIn(page, 'cast')).resolves.toEqual(['Ida (2013)']);
    await expect(horizontalOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('is reached from a director in the search results', async () => {
    await addFilm(web.app, {
      title: 'Le Samouraï',
      year: 1967,
      directors: [{ name: 'Jean-Pierre Melville' }],
    });
    const { context, page } = await visitor();

    await page.goto('/search?q=melville');
    const result = page.locator('.search-result').filter({ hasText: 'Le Samouraï' });
    await expect(result.innerText()).resolves.toContain('Directed by Jean-Pierre Melville');
    await result.getByRole('link', { name: 'Jean-Pierre Melville' }).click();
    await page.waitForURL('/person/jean-pierre-melville');
    await expect(filmsIn(page, 'directed')).resolves.toEqual(['Le Samouraï (1967)']);
    await expectAccessible(page);
    await context.close();
  });

  it('answers an unknown person with the 404 page', async () => {
    const { context, page } = await visitor();

    const missing = await page.goto('/person/no-such-person');

    expect(missing?.status()).toBe(404);
    await expect(heading(page)).resolves.toBe('Page not found');
    await expect(page.locator('main').innerText()).resolves.toContain('No person no-such-person');
    await expectAccessible(page);
    await context.close();
  });
});
