import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../common/problem-details.js';
import { CSRF_FIELD } from '../http/web-csrf.js';
import { exactTime, relativeTime } from './relative-time.js';
import { useWeb } from './web-context.js';
import { stars, starsLabel } from './stars.js';

/** The hidden token every writing form carries. */
export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD} value={useWeb().csrfToken} />;
}

/** "11 minutes ago", with the exact time on hover and in the markup for machines. */
export function RelativeTime({ at }: { readonly at: string | Date }) {
  const { now } = useWeb();
  const date = typeof at === 'string' ? new Date(at) : at;
  return (
    <time dateTime={date.toISOString()} title={exactTime(date)}>
      {relativeTime(date, now)}
    </time>
  );
}

/**
 * A form that writes: POST with the CSRF token. `enhance` lets the page script submit it in
 * the background and swap in the regions the answer changes (data-region), keeping the scroll.
 */
export function PostForm({
  action,
  children,
  enhance = false,
  class: className,
  label,
  multipart = false,
}: {
  readonly action: string;
  readonly children: ComponentChildren;
  readonly enhance?: boolean;
  readonly class?: string;
  /** An accessible name for forms that are landmarks of their own. */
  readonly label?: string;
  readonly multipart?: boolean;
}) {
  return (
    <form
      method="post"
      action={action}
      class={className}
      aria-label={label}
      enctype={multipart ? 'multipart/form-data' : undefined}
      data-enhance={enhance ? '' : undefined}
    >
      <CsrfField />
      {children}
    </form>
  );
}

/** Lists every field error at the top of a form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary({
  message,
  errors = [],
}: {
  readonly message?: string | null;
  readonly errors?: readonly FieldError[];
}) {
  if (!message && errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      {message && <p>{message}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((error) => (
            <li key={error.field}>
              <a href={`#field-${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A labelled input with its error, described for screen readers. */
export function Field({
  name,
  label,
  type = 'text',
  value,
  errors = [],
  autocomplete,
  required = false,
  hint,
}: {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'url' | 'date';
  readonly value?: string;
  readonly errors?: readonly FieldError[];
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
}) {
  const id = `field-${name}`;
  const error = errors.find((candidate) => candidate.field === name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      <input
        id={id}
        name={name}
        // Preact types each input type apart, so a union of them does not check; each is valid HTML.
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** The wording of a pager: what its pages are and which way they run. */
export interface PagerWords {
  /** The nav's accessible name. */
  readonly label: string;
  readonly first: string;
  readonly next: string;
}

/** Newest first (activity, feeds, imports): the default wording. */
const NEWEST_FIRST: PagerWords = { label: 'Pages', first: 'Back to the newest', next: 'Older' };

/**
 * Links to the next page and back to the first, for cursor- or offset-paged lists; `nextHref` is
 * null on the last page. `words` fits the order: ranks, results or rows say so.
 */
export function Pager({
  nextHref,
  firstHref,
  words = NEWEST_FIRST,
}: {
  readonly nextHref: string | null;
  readonly firstHref?: string | null;
  readonly words?: PagerWords;
}) {
  if (!nextHref && !firstHref) return null;
  return (
    <nav class="pager" aria-label={words.label}>
      {firstHref && <a href={firstHref}>{words.first}</a>}
      {nextHref && (
        <a href={nextHref} rel="next">
          {words.next}
        </a>
      )}
    </nav>
  );
}

/** A rating drawn as stars, read out as a number of stars. */
export function Stars({ rating }: { readonly rating: number }) {
  return (
    <span class="stars" role="img" aria-label={starsLabel(rating)}>
      {stars(rating)}
    </span>
  );
}
