// The API-Version sent unless Settings says another: the date Assembled's own client always sends,
// under which the live shapes the add-on reads were seen (API-FACTS).
export const DEFAULT_API_VERSION = '2019-06-20';
