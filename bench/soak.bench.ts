import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { settle, vacuumAnalyze } from './film-log/prefill.js';
import { progress, runBench, timed } from './shared/bench-cli.js';
import { mintTokens } from './social/members.js';
import { watchServiceCatchUp } from './social/projections.js';
import { SoakClient } from './soak/http.js';
import { calibrate } from './soak/load.js';
import { drainSeconds } from './soak/monitor.js';
import { SoakMix } from './soak/mix.js';
import { parseSoakOptions, type SoakOptions } from './soak/options.js';
import { describeMethod, formatReport, targetsOf, type SoakReport } from './soak/report.js';
import { seed } from './soak/seed.js';
import { soak } from './soak/soak-phase.js';
import { AUTOHIDE_REPORTS, JWT_SECRET, withSoakServices } from './soak/services.js';
import { autovacuumOn } from './soak/database.js';
import type { BenchDatabases } from './store/databases.js';

/** Set by the run: whether every bound held, for the exit code. */
let allMet = false;

async function measure(databases: BenchDatabases, options: SoakOptions) {
  const begin = performance.now();
  return databases.inFresh('soak', async (url) => {
    const seedBegin = performance.now();
    const seeded = await seed(url, options);
    const seedSeconds = (performance.now() - seedBegin) / 1_000;
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));
    const vacuumEvery = (await autovacuumOn(url)) ? 0 : options.vacuumEverySeconds;
    const [load] = os.loadavg();
    if (load! > os.cpus().length)
      progress(
        `the machine is busy (load average ${load!.toFixed(1)} on ${os.cpus().length} cores): the figures will show it`,
      );

    return withSoakServices(url, async (services, startedAt) => {
      const catchUp = await timed('the worker catches up on the seed', () =>
        watchServiceCatchUp(url, seeded.head, startedAt, options.catchUpLimitMs),
      );
      await timed('vacuum (analyze), checkpoint', () => settle(url));
      const readers = await mintTokens(JWT_SECRET, seeded.active);
      const [admin] = await mintTokens(JWT_SECRET, seeded.members.slice(0, 1));
      const client = new SoakClient(services.api.baseUrl, options.requestTimeoutMs);
      try {
        const mix = new SoakMix(seeded, readers, AUTOHIDE_REPORTS);
        const calibration =
          options.maxRps > 0
            ? null
            : await timed(
                `calibration: ${options.calibrationConnections} in flight, ${options.calibrationSeconds} s`,
                () => calibrate(client, mix, options.calibrationConnections, options.calibrationSeconds),
              );
        // The calibration's backlog is applied before the soak begins, so its first window does not pay for it.
        if (calibration) await timed('projections drain', () => drainSeconds(client, admin!.token));
        const maxRps = calibration?.maxRps ?? options.maxRps;
        const rps = Math.max(1, Math.round(maxRps / 2));
        progress(`maximum ${Math.round(maxRps)} req/s: the soak holds ${rps} req/s`);
        const phase = await timed(`soak at ${rps} req/s for ${options.durationSeconds} s`, () =>
          soak({ url, services, client, mix, adminToken: admin!.token }, rps, options, vacuumEvery),
        );
        const figures = {
          options,
          seconds: (performance.now() - begin) / 1_000,
          seed: { events: seeded.events, seconds: seedSeconds, catchUpSeconds: catchUp.seconds },
          calibration,
          maxRps,
          ...phase,
        };
        const targets = targetsOf(figures);
        allMet = targets.every((target) => target.met);
        return { ...figures, targets, method: describeMethod(options) };
      } finally {
        client.close();
      }
    });
  });
}

const options = parseSoakOptions(process.argv.slice(2));
await runBench<SoakReport>({
  name: 'soak',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
if (!allMet) {
  progress('a bound of the soak was not met (MISSED above)');
  process.exitCode = 1;
}
