import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Field, PostForm } from '../views/components.js';
import { Layout } from '../views/layout.js';

export interface SignInViewProps {
  readonly next: string;
  readonly login?: string;
  readonly failure?: FormFailure;
}

export function SignInView({ next, login, failure }: SignInViewProps) {
  return (
    <Layout title="Sign in" noIndex>
      <section class="narrow">
        <h1>Sign in</h1>
        <ErrorSummary message={failure?.message} errors={failure?.errors} />
        <PostForm action="/sign-in" label="Sign in">
          <input type="hidden" name="next" value={next} />
          <Field
            name="login"
            label="Username or email"
            value={login}
            errors={failure?.errors}
            autocomplete="username"
            required
          />
          <Field
            name="password"
            label="Password"
            type="password"
            errors={failure?.errors}
            autocomplete="current-password"
            required
          />
          <button type="submit" class="primary">
            Sign in
          </button>
        </PostForm>
        <p>
          New here? <a href="/sign-up">Create an account</a>
        </p>
      </section>
    </Layout>
  );
}

export interface SignUpViewProps {
  readonly username?: string;
  readonly email?: string;
  readonly failure?: FormFailure;
}

export function SignUpView({ username, email, failure }: SignUpViewProps) {
  return (
    <Layout title="Sign up" noIndex>
      <section class="narrow">
        <h1>Create an account</h1>
        <ErrorSummary message={failure?.message} errors={failure?.errors} />
        <PostForm action="/sign-up" label="Create an account">
          <Field
            name="username"
            label="Username"
            value={username}
            errors={failure?.errors}
            autocomplete="username"
            hint="3 to 30 letters, digits or underscores; others see it on your activity."
            required
          />
          <Field
            name="email"
            label="Email"
            type="email"
            value={email}
            errors={failure?.errors}
            autocomplete="email"
            required
          />
          <Field
            name="password"
            label="Password"
            type="password"
            errors={failure?.errors}
            autocomplete="new-password"
            hint="At least 8 characters."
            required
          />
          <button type="submit" class="primary">
            Create account
          </button>
        </PostForm>
        <p>
          Have an account? <a href="/sign-in">Sign in</a>
        </p>
      </section>
    </Layout>
  );
}
