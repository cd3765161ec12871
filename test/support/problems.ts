/** The content type of every error answer. */
export const PROBLEM_JSON = /^application\/problem\+json/;

export interface ProblemBody {
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** The fields a 400 names, sorted, so a test can compare them as a set. */
export const fieldsOf = (body: ProblemBody): string[] =>
  (body.errors ?? []).map((error) => error.field).sort();
