/**
 * A result to compute once the request's transaction has committed and its connection is back in the
 * pool: for slow work that needs no database, such as rendering a PDF (RequestScopeInterceptor runs it).
 */
export class AfterCommit<T> {
  constructor(readonly run: () => Promise<T>) {}
}
