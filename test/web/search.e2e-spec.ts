import type { Page } from 'playwright-core';
import { addFilm } from '../support/films.js';
import { expectAccessible, horizontalOverflow, newVisitor, pageProblems } from './support/browser.js';
import { startWebApp, type WebTestApp } from './support/web-app.js';

jest.setTimeout(60_000);

describe('web: the search page', () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await startWebApp();
  });

  afterAll(async () => {
    await web?.close();
  });

  const visitor = (phone = false) => newVisitor(web.browser, web.baseURL, { phone });
  const resultTitles = (page: Page) => page.locator('.search-result h3 a').allTextContents();
  const results = (page: Page) => page.locator('.search-results');
  const filters = (page: Page) => page.getByRole('search', { name: 'Search and filter films' });

  it('says so when the catalogue is empty', async () => {
    const { context, page } = await visitor();
    await page.goto('/search');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('All films');
    await expect(results(page).textContent()).resolves.toContain('There are no films in the catalogue yet.');
    await expectAccessible(page);
    await context.close();
  });

  it('finds films by words of the title or a director, and narrows them with labelled filters', async () => {
    const [sunday] = await Promise.all([
      addFilm(web.app, {
        title: 'Une partie de campagne',
        year: 1936,
        runtimeMinutes: 40,
        directors: [{ name: 'Jean Renoir' }],
        genres: ['drama', 'romance'],
        languages: ['fr'],
        countries: ['FR'],
      }),
      addFilm(web.app, {
        title: 'La Grande Illusion',
        year: 1937,
        directors: [{ name: 'Jean Renoir' }],
        genres: ['drama', 'war'],
        languages: ['fr', 'de'],
        countries: ['FR'],
      }),
      addFilm(web.app, {
        title: 'The River',
        year: 1951,
        directors: [{ name: 'Jean Renoir' }],
        genres: ['drama'],
        languages: ['en'],
        countries: ['IN', 'US'],
      }),
    ]);
    const { context, page } = await visitor();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search films' }).fill('renoir');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('/search?q=renoir');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Films matching “renoir”',
    );
    expect((await resultTitles(page)).sort()).toEqual([
      'La Grande Illusion',
      'The River',
      'Une partie de campagne',
    ]);
    await expect(filters(page).getByLabel('Title or director').inputValue()).resolves.toBe('renoir');
    await expectAccessible(page);

    await filters(page).getByLabel('Language').selectOption({ label: 'German' });
    await filters(page).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('/search?q=renoir&language=de');
    await expect(resultTitles(page)).resolves.toEqual(['La Grande Illusion']);
    await expect(filters(page).getByLabel('Language').inputValue()).resolves.toBe('de');

    await filters(page).getByLabel('Language').selectOption('');
    await filters(page).getByLabel('Country').selectOption({ label: 'India' });
    await filters(page).getByRole('button', { name: 'Search' }).click();
    await expect(page.waitForURL('/search?q=renoir&country=IN')).resolves.toBeUndefined();
    await expect(resultTitles(page)).resolves.toEqual(['The River']);

    await filters(page).getByLabel('Country').selectOption('');
    await filters(page).getByLabel('Title or director').fill('');
    await filters(page).getByLabel('Year').fill('1936');
    await filters(page).getByLabel('Genre').fill('romance');
    await filters(page).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('/search?year=1936&genre=romance');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Films');
    await expect(resultTitles(page)).resolves.toEqual(['Une partie de campagne']);
    const result = await page.locator('.search-result').innerText();
    expect(result).toContain('Directed by Jean Renoir · 40 min · Drama, Romance');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Une partie de campagne' }).click();
    await page.waitForURL(`/film/${sunday!.slug}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Une partie de campagne',
    );
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('says in words when nothing matches, and how to find more', async () => {
    await addFilm(web.app, { title: 'Boudu sauvé des eaux', year: 1932, genres: ['comedy'] });
    const { context, page } = await visitor();
    await page.goto('/search?q=xylophonequartz');
    await expect(results(page).textContent()).resolves.toContain(
      'No films match “xylophonequartz”. Check the spelling, try fewer words.',
    );
    await expectAccessible(page);
    await page.goto('/search?q=boudu&genre=horror');
    await expect(results(page).textContent()).resolves.toContain(
      'No films match “boudu” with these filters. Check the spelling, try fewer words or remove a filter.',
    );
    await page.goto('/search?genre=horror');
    await expect(results(page).textContent()).resolves.toContain(
      'No films match these filters. Remove a filter to see more.',
    );
    await page.getByRole('link', { name: 'Clear the search' }).click();
    await page.waitForURL('/search');
    await expect(resultTitles(page)).resolves.toContain('Boudu sauvé des eaux');
    await context.close();
  });

  it('shows a refused filter beside the form, keeping what was typed', async () => {
    const { context, page } = await visitor();
    const answer = await page.goto('/search?q=renoir&year=1600');
    expect(answer?.status()).toBe(400);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/year/);
    await expect(alert.getByRole('link').first().getAttribute('href')).resolves.toBe('#field-year');
    await expect(filters(page).getByLabel('Year').inputValue()).resolves.toBe('1600');
    await expect(filters(page).getByLabel('Year').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(filters(page).getByLabel('Title or director').inputValue()).resolves.toBe('renoir');
    await expect(results(page).textContent()).resolves.toContain('Correct the search above to see films.');
    await expectAccessible(page);
    await context.close();
  });

  it('pages through many results, keeping the search and its filters', async () => {
    const made = 23;
    for (let index = 0; index < made; index += 1)
      await addFilm(web.app, {
        title: `Quillwort ${String(index).padStart(2, '0')}`,
        year: 1990,
        genres: ['documentary'],
      });
    await addFilm(web.app, { title: 'Quillwort Elsewhere', year: 1991, genres: ['documentary'] });
    const { context, page } = await visitor();
    await page.goto('/search?q=quillwort&year=1990');
    const first = await resultTitles(page);
    expect(first).toHaveLength(20);
    await expect(page.getByRole('link', { name: 'Back to the first results' }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Result pages' })
      .getByRole('link', { name: 'More results' })
      .click();
    await page.waitForURL(/cursor=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('quillwort');
    expect(url.searchParams.get('year')).toBe('1990');
    const second = await resultTitles(page);
    expect(second).toHaveLength(made - 20);
    expect(new Set([...first, ...second]).size).toBe(made);
    expect([...first, ...second].every((title) => /^Quillwort \d\d$/.test(title))).toBe(true);
    await expect(page.getByRole('link', { name: 'More results' }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back to the first results' }).click();
    await page.waitForURL('/search?q=quillwort&year=1990');
    await expect(resultTitles(page)).resolves.toEqual(first);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('fits a phone-sized screen', async () => {
    const { context, page } = await visitor(true);
    await page.goto('/search?q=quillwort');
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
