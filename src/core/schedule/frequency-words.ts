// Words the refresh form says before a save and the server's check says after it, kept here (no
// zod) so the sidebars can share them without the schema.

export const NO_WEEKDAY = 'Choose at least one weekday for a weekly refresh.';
