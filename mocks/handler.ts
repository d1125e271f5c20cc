/**
 * An MSW request handler matched by a test of the request alone. MSW's `http.*` handlers read
 * MSW's cookie store for every request they are tried on (tough-cookie and tldts parse the host
 * each time), which the mocks never use; this one is still MSW's own `RequestHandler`, resolved by
 * `getResponse` like any other.
 */
import { RequestHandler, type ResponseResolver } from 'msw';

export class RequestTestHandler extends RequestHandler<{ header: string }, { matches: boolean }> {
  constructor(
    header: string,
    private readonly matches: (request: Request) => boolean,
    resolver: ResponseResolver<{ request: Request }>,
  ) {
    super({ info: { header }, resolver });
  }

  override parse({ request }: { request: Request }): Promise<{ matches: boolean }> {
    return Promise.resolve({ matches: this.matches(request) });
  }

  predicate({ parsedResult }: { parsedResult: { matches: boolean } }): boolean {
    return parsedResult.matches;
  }

  log(): void {}
}
