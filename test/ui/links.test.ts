import { describe, expect, it } from 'vitest';
import { consoleLinks } from '../../src/ui/links';

describe('links in a status message', () => {
  it('makes a link of a Google Cloud console address, and keeps the words around it', () => {
    const href = 'https://console.cloud.google.com/bigquery?project=p&ws=!1m5!1m4!4m3!1sp!2sd!3st';
    expect(consoleLinks(`12 rows loaded into p.d.t (0.1 MB). ${href}`)).toEqual([
      '12 rows loaded into p.d.t (0.1 MB). ',
      { href },
    ]);
  });

  it('never makes a link of any other address, such as one in a name from Assembled', () => {
    for (const text of [
      'Agent https://evil.example/console.cloud.google.com/ not found',
      'http://console.cloud.google.com/bigquery',
      'https://console.cloud.google.com.evil.example/x',
    ])
      expect(consoleLinks(text)).toEqual([text]);
  });
});
