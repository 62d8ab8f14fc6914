// HtmlService serves only the HTML file itself, so a sidebar's CSS and JS are inlined into it.

export interface PageParts {
  template: string;
  css: string;
  js: string;
}

export function inlinePage({ template, css, js }: PageParts): string {
  for (const marker of ['<!-- inline:style -->', '<!-- inline:script -->']) {
    if (!template.includes(marker)) throw new Error(`Page template lacks ${marker}`);
  }
  // A literal "</script" inside the bundle would end the script element early.
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  return template
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${safeJs}</script>`);
}
