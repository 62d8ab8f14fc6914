// The links a status message may show: Google Cloud console addresses the add-on's own messages
// carry (a loaded table). Any other text stays text, whatever it says: a name from Assembled that
// looks like an address is never made a link.
const CONSOLE_LINK = /(https:\/\/console\.cloud\.google\.com\/\S+)/;

/** The text in order: plain parts as strings, console addresses as links. */
export function consoleLinks(text: string): (string | { href: string })[] {
  return text
    .split(CONSOLE_LINK)
    .flatMap((part, i): (string | { href: string })[] => (i % 2 ? [{ href: part }] : part ? [part] : []));
}
