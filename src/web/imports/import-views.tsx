import type { ExportView } from '../../modules/exports/exports.response.js';
import type { ImportView, ImportStatus } from '../../modules/imports/imports.response.js';
import { IMPORT_SOURCES, type ImportSource } from '../../modules/imports/parsing/import-plan.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Pager, PostForm, RelativeTime, type PagerWords } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { count } from '../views/numbers.js';
import { ExportSection } from './export-views.js';

/** An import's result rows, in file order. */
const ROW_PAGES: PagerWords = { label: 'Pages of rows', first: 'Back to the first rows', next: 'Next rows' };

const SOURCE_NAMES: Record<ImportSource, string> = {
  letterboxd: 'Letterboxd',
  icheckmovies: 'iCheckMovies',
  imdb: 'IMDb',
};

const STATUS_WORDS: Record<ImportStatus, string> = {
  queued: 'Waiting to start',
  running: 'Importing',
  completed: 'Finished',
  failed: 'Failed',
};

const rows = (n: number): string => (n === 1 ? '1 row' : `${count(n)} rows`);
const isFinished = (status: ImportStatus): boolean => status === 'completed' || status === 'failed';
const importHref = (id: string): string => `/my/imports/${encodeURIComponent(id)}`;

export interface ImportsPageViewProps {
  readonly imports: readonly ImportView[];
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  /** A refused upload: shown beside the form. */
  readonly failure?: FormFailure;
  /** The source chosen before a refused upload. */
  readonly source?: string;
  /** The member's newest export, if any. */
  readonly latestExport: ExportView | null;
}

/** The upload form and the member's imports, newest first. */
export function ImportsPageView({
  imports,
  firstHref,
  nextHref,
  failure,
  source,
  latestExport,
}: ImportsPageViewProps) {
  return (
    <Layout title="Your imports" noIndex>
      <h1>Your imports</h1>
      <UploadForm failure={failure} source={source} />
      <section aria-labelledby="imports-heading">
        <h2 id="imports-heading">Imports so far</h2>
        {imports.length === 0 ? (
          <p>You have not imported anything yet.</p>
        ) : (
          <ul class="import-list">
            {imports.map((item) => (
              <li key={item.id} class="import-entry card">
                <a href={importHref(item.id)} class="import-entry-name">
                  {item.fileName}
                </a>
                <span class="muted">
                  {' '}
                  from {SOURCE_NAMES[item.source]}, <RelativeTime at={item.createdAt} />
                </span>
                <p class="import-entry-status">
                  <span class={`import-status import-status-${item.status}`}>
                    {STATUS_WORDS[item.status]}
                  </span>
                  {item.counts && (
                    <>
                      {': '}
                      {count(item.counts.checked)} checked, {rows(item.counts.unmatched)} unmatched
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager firstHref={firstHref} nextHref={nextHref} />
      </section>
      <ExportSection latest={latestExport} />
    </Layout>
  );
}

/** Multipart: the file, and the source when the member wants to say it rather than have it guessed. */
function UploadForm({ failure, source }: { readonly failure?: FormFailure; readonly source?: string }) {
  const errors = failure?.errors ?? [];
  const fileError = errors.find((error) => error.field === 'file');
  const sourceError = errors.find((error) => error.field === 'source');
  const message = failure && errors.length > 0 ? 'The import did not start.' : failure?.message;
  return (
    <section class="import-upload card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Import your history</h2>
      <p>
        Bring the films you have seen, your favourites, watchlist and lists from another site: a Letterboxd
        export (the .zip from Settings, Data), an iCheckMovies CSV, or an IMDb ratings or list CSV.
      </p>
      <ErrorSummary message={message} errors={errors} />
      <PostForm action="/my/imports" label="Import a file" multipart>
        <div class={fileError ? 'field field-invalid' : 'field'}>
          <label for="field-file">Exported file</label>
          {fileError && (
            <p class="field-error" id="field-file-error">
              {fileError.message}
            </p>
          )}
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".zip,.csv,application/zip,text/csv"
            required
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'field-file-error' : undefined}
          />
        </div>
        <div class={sourceError ? 'field field-invalid' : 'field'}>
          <label for="field-source">Exported from</label>
          {sourceError && (
            <p class="field-error" id="field-source-error">
              {sourceError.message}
            </p>
          )}
          <select
            id="field-source"
            name="source"
            aria-invalid={sourceError ? 'true' : undefined}
            aria-describedby={sourceError ? 'field-source-error' : undefined}
          >
            <option value="" selected={!source}>
              Recognise it from the file
            </option>
            {IMPORT_SOURCES.map((name) => (
              <option key={name} value={name} selected={source === name}>
                {SOURCE_NAMES[name]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary">
          Import
        </button>
      </PostForm>
    </section>
  );
}

export interface ImportPageViewProps {
  readonly item: ImportView;
  /** The first result row on this page (0-based). */
  readonly offset: number;
  readonly rowsPerPage: number;
  readonly firstHref: string | null;
  readonly nextHref: string | null;
}

/**
 * One import: while it runs, a progress bar the site script refreshes every second (and the page
 * itself every 2 s without the script); once finished, what it did and the rows it could not match.
 */
export function ImportPageView(props: ImportPageViewProps) {
  const { item } = props;
  const finished = isFinished(item.status);
  return (
    <Layout
      title={`Import of ${item.fileName}`}
      noIndex
      head={
        finished ? undefined : (
          <noscript>
            <meta http-equiv="refresh" content="2" />
          </noscript>
        )
      }
    >
      <p class="breadcrumb">
        <a href="/my/imports">Your imports</a>
      </p>
      <h1 class="import-title">Import of {item.fileName}</h1>
      <p class="muted">
        From {SOURCE_NAMES[item.source]}, started <RelativeTime at={item.createdAt} />
        {item.completedAt && (
          <>
            , finished <RelativeTime at={item.completedAt} />
          </>
        )}
        .
      </p>
      <section
        class="import-progress"
        aria-labelledby="import-status-heading"
        data-region="import-progress"
        data-live-url={finished ? undefined : importHref(item.id)}
        data-announce={STATUS_WORDS[item.status]}
      >
        <h2 id="import-status-heading">{STATUS_WORDS[item.status]}</h2>
        {finished ? <ImportResult {...props} /> : <ImportRunning item={item} />}
      </section>
      {/* Outside the refreshed region, so screen readers hear when the status changes. */}
      <p id="live-status" class="visually-hidden" role="status" />
    </Layout>
  );
}

function ImportRunning({ item }: { readonly item: ImportView }) {
  const { done, total } = item.progress;
  // Until the job has read the file, the number of rows is not known.
  if (total === 0)
    return (
      <>
        <p>
          <label for="import-progress-bar">
            {item.status === 'queued' ? 'Waiting for its turn…' : 'Reading the file…'}
          </label>
        </p>
        <progress id="import-progress-bar" />
      </>
    );
  const percent = Math.floor((done * 100) / total);
  return (
    <>
      <p>
        <label for="import-progress-bar">
          {count(done)} of {rows(total)} done ({percent}%)
        </label>
      </p>
      <progress id="import-progress-bar" value={done} max={total}>
        {percent}%
      </progress>
      <p class="muted">This page follows the import; you may also leave it and come back.</p>
    </>
  );
}

function ImportResult({ item, offset, rowsPerPage, firstHref, nextHref }: ImportPageViewProps) {
  if (item.status === 'failed')
    return (
      <div class="error-summary">
        <p>The import failed.</p>
        {item.failure && <p>{item.failure}</p>}
        <p>Check the file and import it again.</p>
      </div>
    );
  const counts = item.counts;
  const unmatched = item.unmatched.slice(offset, offset + rowsPerPage);
  const rowErrors = item.rowErrors.slice(offset, offset + rowsPerPage);
  const notImported = Object.entries(item.notImported);
  return (
    <>
      <p>
        {count(item.progress.done)} of {rows(item.progress.total)} read.
      </p>
      {counts && (
        <dl class="import-counts">
          <div>
            <dt>Films checked</dt>
            <dd>{count(counts.checked)}</dd>
          </div>
          <div>
            <dt>Favourites</dt>
            <dd>{count(counts.favourites)}</dd>
          </div>
          <div>
            <dt>Watchlist</dt>
            <dd>{count(counts.watchlist)}</dd>
          </div>
          <div>
            <dt>Ratings</dt>
            <dd>{count(counts.ratings ?? 0)}</dd>
          </div>
          <div>
            <dt>Diary entries</dt>
            <dd>{count(counts.diaryEntries ?? 0)}</dd>
          </div>
          <div>
            <dt>Reviews</dt>
            <dd>{count(counts.reviews ?? 0)}</dd>
          </div>
          <div>
            <dt>Lists</dt>
            <dd>{count(counts.lists)}</dd>
          </div>
          <div>
            <dt>Unmatched</dt>
            <dd>{count(counts.unmatched)}</dd>
          </div>
        </dl>
      )}
      {notImported.length > 0 && (
        <>
          <h3>Read but not imported</h3>
          <ul>
            {notImported.map(([file, n]) => (
              <li key={file}>
                {file}: {rows(n)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 id="unmatched-heading">Rows matching no film</h3>
      {item.unmatched.length === 0 ? (
        <p>Every film in the file matched a film here.</p>
      ) : (
        <>
          <RowRange offset={offset} shown={unmatched.length} all={item.unmatched.length} />
          <div class="table-scroll" role="region" aria-labelledby="unmatched-heading" tabIndex={0}>
            <table class="result-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Year</th>
                  <th scope="col">File</th>
                  <th scope="col">Line</th>
                </tr>
              </thead>
              <tbody>
                {unmatched.map((row) => (
                  <tr key={`${row.file}:${row.line}`}>
                    <td>{row.title}</td>
                    <td>{row.year ?? '—'}</td>
                    <td>{row.file}</td>
                    <td>{row.line}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {item.rowErrors.length > 0 && (
        <>
          <h3 id="row-errors-heading">Rows that could not be read</h3>
          <RowRange offset={offset} shown={rowErrors.length} all={item.rowErrors.length} />
          {rowErrors.length > 0 && (
            <div class="table-scroll" role="region" aria-labelledby="row-errors-heading" tabIndex={0}>
              <table class="result-table">
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Line</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((row) => (
                    <tr key={`${row.file}:${row.line}`}>
                      <td>{row.file}</td>
                      <td>{row.line}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <Pager firstHref={firstHref} nextHref={nextHref} words={ROW_PAGES} />
    </>
  );
}

/** "Rows 101 to 200 of 340", when the rows take more than one page. */
function RowRange({
  offset,
  shown,
  all,
}: {
  readonly offset: number;
  readonly shown: number;
  readonly all: number;
}) {
  if (offset === 0 && shown === all) return null;
  if (shown === 0) return <p class="muted">{`No more of these rows: there are ${count(all)}.`}</p>;
  return (
    <p class="muted">
      Rows {count(offset + 1)} to {count(offset + shown)} of {count(all)}
    </p>
  );
}
