import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withRunningApp } from './catalogue/search-load.js';
import { fillFilms } from './film-log/prefill.js';
import { waitForServiceProjections } from './film-log/projections.js';
import { RunningImagesFloor } from './images/floor.js';
import { parseImagesBenchOptions, type ImagesBenchOptions } from './images/options.js';
import { measurePages } from './images/pages.js';
import {
  describeMethod,
  formatReport,
  ratiosOf,
  targetsOf,
  type ImagesBenchReport,
} from './images/report.js';
import { measureServing, servedTargets } from './images/serving.js';
import { uploadPosters } from './images/uploads.js';
import { runBench, timed } from './shared/bench-cli.js';
import { benchMembers, mintTokens, TOKEN_TTL_SECONDS } from './social/members.js';
import { registerMembers } from './social/prefill.js';
import type { BenchDatabases } from './store/databases.js';

const JWT_SECRET = randomBytes(32).toString('base64url');
const PROJECTIONS_LIMIT_MS = 60_000;

async function measure(databases: BenchDatabases, options: ImagesBenchOptions) {
  const begin = performance.now();
  const imagesDir = await mkdtemp(path.join(tmpdir(), 'filmlog-bench-images-'));
  try {
    return await databases.inFresh('images', async (url) => {
      const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
        fillFilms(url, options.films),
      );
      const [admin] = benchMembers(1);
      const registered = await registerMembers(url, [admin!], 1);
      const env = {
        APP_ROLE: 'all',
        IMAGES_DIR: imagesDir,
        JWT_SECRET,
        ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
        REDIS_KEY_PREFIX: `filmlog-bench-images-${randomBytes(4).toString('hex')}:`,
      };
      return withRunningApp(url, env, async (app) => {
        await timed("the service's projections catch up (the admin's role)", () =>
          waitForServiceProjections(url, registered.head, PROJECTIONS_LIMIT_MS),
        );
        const [reader] = await mintTokens(JWT_SECRET, [admin!]);
        const posterFilms = filmIds.slice(0, options.warmUp + options.posters);
        const { figures: uploads, uploaded } = await timed(
          `${options.warmUp} + ${options.posters} poster uploads beside the bare resize`,
          () => uploadPosters(app, reader!.token, posterFilms, options.warmUp),
        );
        const floor = await RunningImagesFloor.start(imagesDir);
        const serving = await timed(
          `GET /images/posters/… on the service and the floor, plain and 304 (${options.loadSeconds} s each)`,
          () =>
            measureServing(
              { service: app.baseUrl, floor: floor.baseUrl },
              servedTargets(uploaded),
              options,
            ).finally(() => floor.stop()),
        );
        const first = uploaded[0]!;
        const pages = await timed('the film page with and without a poster', () =>
          measurePages(
            app,
            url,
            { filmId: first.filmId, urls: Object.values(first.poster.sizes) },
            filmIds[posterFilms.length]!,
          ),
        );
        return {
          options,
          seconds: (performance.now() - begin) / 1_000,
          films,
          uploads,
          serving,
          pages,
          ratios: ratiosOf(uploads, serving),
          targets: targetsOf(uploads, serving, pages),
          method: describeMethod(options),
        };
      });
    });
  } finally {
    await rm(imagesDir, { recursive: true, force: true });
  }
}

const options = parseImagesBenchOptions(process.argv.slice(2));
await runBench<ImagesBenchReport>({
  name: 'images',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
