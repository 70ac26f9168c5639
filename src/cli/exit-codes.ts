// What `adcenter` exits with, so that scripts and supervisors can tell the common failures apart
// without parsing messages (README "Exit codes", docs/cli.md).

export const EXIT = {
  /** Anything else (a bug, an unexpected error); the message says what. */
  failure: 1,
  /** An unknown command or option, or an option value that does not parse. */
  usage: 2,
  /** The server cannot listen: the port is in use, or the address is not this machine's. */
  listen: 3,
  /** The data folder cannot be created or written, or holds something that is not an adcenter store. */
  dataFolder: 4,
  /** The PostgreSQL URL is not one, or the database cannot be reached or refuses the login. */
  database: 5,
  /** The store belongs to the other environment (sandbox / production). */
  environment: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can fix, told in one line; the process exits with its code. */
export class StartupFailure extends Error {
  constructor(readonly exitCode: ExitCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupFailure';
  }
}

/** The `code` of a system or driver error (EADDRINUSE, ENOTFOUND, SQLITE_NOTADB, 28P01, …), if any. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
