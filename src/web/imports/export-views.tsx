import type { ExportStatus, ExportView } from '../../modules/exports/exports.response.js';
import { PostForm, RelativeTime } from '../views/components.js';

const STATUS_WORDS: Record<ExportStatus, string> = {
  queued: 'Waiting to start',
  running: 'Writing your archive',
  completed: 'Ready',
  failed: 'Failed',
};

const isFinished = (status: ExportStatus): boolean => status === 'completed' || status === 'failed';

export const exportFileHref = (id: string): string => `/my/exports/${encodeURIComponent(id)}/file`;

/** Megabytes to one decimal, kilobytes below one megabyte. */
const sizeOf = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * "Export your data": the button that asks for an archive, and the newest one's status. While it is
 * being written, the site script refreshes the section from the imports page every second.
 */
export function ExportSection({ latest }: { readonly latest: ExportView | null }) {
  const running = latest !== null && !isFinished(latest.status);
  return (
    <section
      class="export-data card"
      aria-labelledby="export-heading"
      data-region="export-status"
      data-live-url={running ? '/my/imports' : undefined}
      data-announce={latest ? STATUS_WORDS[latest.status] : undefined}
    >
      <h2 id="export-heading">Export your data</h2>
      <p>
        A zip of everything you did here: your films, diary, ratings, reviews, watchlist and lists as
        Letterboxd-format CSV files that other sites import, and filmlog.json with every mark at its exact
        time, your comments and festival plans. Importing it here again brings it all back.
      </p>
      {latest && <LatestExport item={latest} />}
      {!running && (
        <PostForm action="/my/exports" label="Ask for an export">
          <button type="submit" class={latest?.status === 'completed' ? undefined : 'primary'}>
            {latest ? 'Export again' : 'Export my data'}
          </button>
        </PostForm>
      )}
    </section>
  );
}

function LatestExport({ item }: { readonly item: ExportView }) {
  const { done, total } = item.progress;
  return (
    <div class="export-latest">
      <p>
        <span class={`import-status import-status-${item.status}`}>{STATUS_WORDS[item.status]}</span>
        <span class="muted">
          {' '}
          asked <RelativeTime at={item.createdAt} />
        </span>
      </p>
      {!isFinished(item.status) &&
        (total === 0 ? (
          <progress aria-label="Export progress" />
        ) : (
          <progress aria-label="Export progress" value={done} max={total}>
            {Math.floor((done * 100) / total)}%
          </progress>
        ))}
      {item.status === 'completed' && (
        <p>
          <a href={exportFileHref(item.id)} download class="export-download">
            Download your archive
          </a>
          {item.bytes !== undefined && <span class="muted"> (zip, {sizeOf(item.bytes)})</span>}
        </p>
      )}
      {item.status === 'failed' && (
        <p class="field-error">{item.failure ?? 'The export failed.'} Ask for a new one.</p>
      )}
    </div>
  );
}
