import { Layout } from '../views/layout.js';
import { useWeb } from '../views/web-context.js';

/** The home page; the signed-in reader's feed of friends' activity is added by the home area. */
export function HomeView() {
  const { reader } = useWeb();
  return (
    <Layout title="Home">
      <h1>{reader ? `Welcome back, ${reader.username}` : 'Log the films you have seen'}</h1>
      {!reader && (
        <p>
          Check the films you have seen, keep a watchlist, follow friends and read what they watch.{' '}
          <a href="/sign-up">Create an account</a> or <a href="/sign-in">sign in</a>.
        </p>
      )}
    </Layout>
  );
}
