/** Usernames compare without regard to case: "Penguin" and "penguin" are one member. */
export const usernameKey = (username: string): string => username.toLowerCase();

/** Emails are stored trimmed and lower-cased, so sign-in by email is case-insensitive. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const USERNAME_PATTERN = /^[a-zA-Z0-9_]{3,30}$/;
export const MIN_PASSWORD_LENGTH = 8;
/** argon2 hashes any length, but an unbounded body would let one request burn a core. */
export const MAX_PASSWORD_LENGTH = 256;
