// A sidebar page as the runtime holds it, with the google.script.run shim placed before any of its
// own scripts.

/** The shim as an inline script; "</script" inside it is escaped so it cannot end the element. */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>${shim.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
