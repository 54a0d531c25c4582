/** The three blocks example5 and example6 both print, with the `Current primary value` line of example6 between. */
export const networkBlocks = {
  initial: ['Initial network: {', '\tA: 1;', '}', ''],
  full: ['Full network: {', '\tA: 1;', '\tB: 1;', '\tC: 1;', '}', ''],
  final: ['Final network: {', '\tB: 1;', '\tC: 1;', '}', '', 'Finished.'],
};
