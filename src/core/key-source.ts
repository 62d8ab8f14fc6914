// Where a person gets their Assembled API key, as Assembled's own API documentation names it: the
// one wording every message and hint that sends them for a key uses. (A file of its own, so the
// Settings page takes it without the schemas.)
export const KEY_FROM = "Assembled's Settings ▸ API page";
