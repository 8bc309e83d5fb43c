/**
 * The project's own stylesheet (web/style.css) inlined into a self-contained HTML file (the static report, a saved
 * handout). It is our file, not user or corpus text; a "</style" cannot occur in it, and is stripped anyway so the
 * element can never be closed early.
 */
import { raw } from 'hono/html';

export function InlineStyle({ css }: { css: string }) {
  return <style>{raw(css.replace(/<\/style/gi, ''))}</style>;
}
