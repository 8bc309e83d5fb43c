/** The page frame: skip link, navigation, main landmark, footer; the stylesheet and any page scripts. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { jsonForScript } from '../json-script.js';

export type NavKey = 'overview' | 'compare' | 'term' | 'lexicon' | 'analyze' | 'doc' | 'error';

const NAV: Array<{ key: NavKey; href: string; text: string }> = [
  { key: 'overview', href: '/', text: 'Overview' },
  { key: 'compare', href: '/compare', text: 'Compare' },
  { key: 'term', href: '/term', text: 'Term in context' },
  { key: 'lexicon', href: '/lexicon', text: 'Lexicon' },
  { key: 'analyze', href: '/analyze', text: 'Analyze your text' },
];

export interface LayoutProps {
  title: string;
  nav: NavKey;
  /** Script files from /assets, loaded in order (classic scripts first, then modules). */
  scripts?: Array<{ src: string; module?: boolean }>;
  /** JSON data blocks for the page scripts, by element id. */
  data?: Record<string, unknown>;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · framelens`}</title>
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/style.css" />
          {Object.entries(props.data ?? {}).map(([id, value]) => (
            <script type="application/json" id={id}>{raw(jsonForScript(value))}</script>
          ))}
          {(props.scripts ?? []).map((s) => (s.module ? <script type="module" src={s.src}></script> : <script defer src={s.src}></script>))}
        </head>
        <body>
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="site-header">
            <a class="brand" href="/">framelens</a>
            <nav aria-label="Main">
              <ul>
                {NAV.map((n) => (
                  <li><a href={n.href} aria-current={n.key === props.nav ? 'page' : undefined}>{n.text}</a></li>
                ))}
              </ul>
            </nav>
          </header>
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <p>framelens shows which words outlets choose for the same actors and events. Scores come from a lexicon of labels with weights and rationales; read them as a guide to the text, not a verdict on it.</p>
          </footer>
        </body>
      </html>
    </>
  );
}
