import type { FieldError } from '../../common/problem-details.js';
import { ErrorSummary } from './components.js';
import { Layout } from './layout.js';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'Changed in the meantime',
  413: 'Too large',
  422: 'Not possible',
  429: 'Too many attempts',
  503: 'Temporarily unavailable',
};

/** Any failed page or form: what went wrong, in words, and a way on. */
export function ErrorPage({
  status,
  detail,
  errors,
}: {
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
}) {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work');
  return (
    <Layout title={title} noIndex>
      <h1>{title}</h1>
      <ErrorSummary message={detail} errors={errors} />
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Layout>
  );
}
