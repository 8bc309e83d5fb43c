import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { TermIndex } from '../../src/server/term-index.js';
import { forwardedTermRoutes } from '../../src/server/routes/term.js';
import { TERM_THREAD_BY_DEFAULT, termThreadAvailable, termThreadWanted, type TermAnswer, type TermThread } from '../../src/server/term-thread.js';
import type { DocAnalysis } from '../../src/types.js';

const hits = (...labels: string[]) => ({ hits: labels.map((label) => ({ label })) }) as unknown as Pick<DocAnalysis, 'hits'>;

describe('the main thread\'s labels-only term index (the term thread indexes the words)', () => {
  it('holds the same label postings as a whole index and refuses word queries', () => {
    const whole = new TermIndex();
    const labels = new TermIndex({ labelsOnly: true });
    const docs = [
      { text: 'Militias fired at the base.', a: hits('militia', 'militia') },
      { text: 'No label here at all.', a: hits() },
      { text: 'The regime and the militia.', a: hits('regime', 'militia') },
    ];
    docs.forEach((d, i) => {
      whole.add(i, d, d.a);
      labels.add(i, d, d.a);
    });
    expect(labels.label('militia')).toEqual(whole.label('militia'));
    expect(labels.label('militia')).toEqual({ docs: [0, 2], counts: [2, 1] });
    expect(labels.label('regime')).toEqual(whole.label('regime'));
    expect(labels.size.words).toBe(0);
    expect(whole.word('base')).toEqual({ docs: [0], counts: [1] });
    expect(() => labels.word('base')).toThrow(/labels only/);
    expect(() => labels.prefix('mil')).toThrow(/labels only/);
    expect(() => labels.phraseReader(['the', 'regime'])).toThrow(/labels only/);
  });
});

describe('Term routes passed to the term thread', () => {
  const app = (request: (path: string) => Promise<TermAnswer>) => {
    const outer = new Hono();
    outer.route('/', forwardedTermRoutes({ request } as unknown as TermThread));
    return outer;
  };

  it('gives back the thread\'s status, headers and bytes, and passes the path and query as asked', async () => {
    const asked: string[] = [];
    const body = new TextEncoder().encode('<p>made on the thread</p>');
    const served = app(async (path) => {
      asked.push(path);
      return { status: 400, headers: [['content-type', 'text/html; charset=UTF-8'], ['x-made-by', 'thread']], body };
    });
    const res = await served.request('/term?q=militia%2A&page=2');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-made-by')).toBe('thread');
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await res.text()).toBe('<p>made on the thread</p>');
    await served.request('/api/term?q=the&format=csv');
    expect(asked).toEqual(['/term?q=militia%2A&page=2', '/api/term?q=the&format=csv']);
  });

  it('answers 503 naming the cause when the thread cannot answer', async () => {
    const served = new Hono();
    served.onError((err, c) => c.text(err.message, (err as { status?: number }).status as 503 ?? 500));
    served.route('/', forwardedTermRoutes({ request: async () => { throw new Error('the term thread stopped (exit code 1)'); } } as unknown as TermThread));
    const res = await served.request('/term?q=the');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/The term search is not available: the term thread stopped \(exit code 1\)/);
  });

  it('is not started from sources (no compiled worker): Term pages stay on the serving thread', () => {
    expect(termThreadAvailable()).toBe(false);
  });

  it('FRAMELENS_TERM_THREAD: 0 keeps Term pages on the serving thread, 1 asks for the thread, unset or empty takes the default', () => {
    expect(termThreadWanted('0')).toBe(false);
    expect(termThreadWanted('1')).toBe(true);
    expect(termThreadWanted(undefined)).toBe(TERM_THREAD_BY_DEFAULT);
    expect(termThreadWanted('')).toBe(TERM_THREAD_BY_DEFAULT);
  });
});
