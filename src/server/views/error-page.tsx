/** A plain error page: status, the message meant for the user, and a way back. */
import { Layout } from './layout.js';

const TITLES: Record<number, string> = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 413: 'Too large', 500: 'Server error' };

export function ErrorPage({ status, message }: { status: number; message: string }) {
  return (
    <Layout title={TITLES[status] ?? 'Error'} nav="error">
      <h1>{TITLES[status] ?? 'Error'}</h1>
      <p class="error" role="alert">{message}</p>
      <p><a href="/">Back to the overview</a></p>
    </Layout>
  );
}
