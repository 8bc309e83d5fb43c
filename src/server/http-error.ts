/** An error with an HTTP status and a message meant for the user (400 bad input, 404 unknown id, 413 too large, 503 busy). */
export class HttpError extends Error {
  constructor(readonly status: 400 | 403 | 404 | 413 | 503, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message: string): HttpError => new HttpError(404, message);
