import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Field, PostForm } from '../views/components.js';
import { Layout } from '../views/layout.js';

export const SETTINGS_PATH = '/my/settings';

export interface SettingsViewProps {
  /** The email on the account now, or what was typed in a refused form. */
  readonly email: string;
  /** The account's changes were saved (the page after a successful form). */
  readonly saved?: boolean;
  readonly failure?: FormFailure;
  /** A refused erasure: said beside the erasure form's password. */
  readonly erasureFailure?: FormFailure;
}

/**
 * The member's settings: one section per concern, each with its own heading, so a section about
 * the member's data or the deletion of the account stands beside these as one more component.
 */
export function SettingsView({ email, saved, failure, erasureFailure }: SettingsViewProps) {
  return (
    <Layout title="Settings" noIndex>
      <section class="narrow">
        <h1>Settings</h1>
        {saved && (
          <p class="notice" role="status">
            Your changes are saved.
          </p>
        )}
        <AccountSettings email={email} failure={failure} />
        <SessionSettings />
        <DeleteAccount failure={erasureFailure} />
      </section>
    </Layout>
  );
}

/** Email and password in one form: either change needs the current password. */
function AccountSettings({ email, failure }: Pick<SettingsViewProps, 'email' | 'failure'>) {
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Email and password</h2>
      <ErrorSummary message={failure?.message} errors={failure?.errors} />
      <PostForm action={SETTINGS_PATH} label="Change email or password">
        <Field
          name="email"
          label="Email"
          type="email"
          value={email}
          errors={failure?.errors}
          autocomplete="email"
        />
        <Field
          name="password"
          label="New password"
          type="password"
          errors={failure?.errors}
          autocomplete="new-password"
          hint="At least 8 characters; leave empty to keep your password. A new password signs out your other sessions."
        />
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          errors={failure?.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit" class="primary">
          Save changes
        </button>
      </PostForm>
    </section>
  );
}

/** Ends every session at once: a lost phone, a shared computer. */
function SessionSettings() {
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>
        Signed in somewhere you no longer trust? Signing out everywhere ends every session, this one included,
        and every access token given to an app. You then sign in again.
      </p>
      <PostForm action={`${SETTINGS_PATH}/sign-out-everywhere`} label="Sign out everywhere">
        <button type="submit">Sign out everywhere</button>
      </PostForm>
    </section>
  );
}

/** Erasure is for good: the form says what goes and what stays, and needs the password. */
function DeleteAccount({ failure }: { readonly failure?: FormFailure }) {
  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        Deleting your account erases it for good: you leave your friends' feeds, followers and lists; your
        comments, reviews, lists and notes become unreadable everywhere we keep data, our event log included.
        Films' statistics keep your checks and ratings as anonymous counts. Export your data first if you want
        a copy.
      </p>
      <ErrorSummary message={failure?.message} errors={failure?.errors} />
      <PostForm action={`${SETTINGS_PATH}/delete`} label="Delete your account">
        <Field
          name="erasePassword"
          label="Your password, to confirm"
          type="password"
          errors={failure?.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit" class="danger">
          Delete my account
        </button>
      </PostForm>
    </section>
  );
}
