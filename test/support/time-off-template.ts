// The "Time off to create" template's header as a person sees it: its columns, then the four the
// add-on fills in. Written out here, not read from src, so tests check what the sheet shows.
export const TIME_OFF_HEADER = [
  'Agent',
  'Start',
  'End',
  'All day',
  'Type',
  'Notes',
  'Push status',
  'Assembled ID',
  'Push message',
  'Pushed at',
];
