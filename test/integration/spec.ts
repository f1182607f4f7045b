// What SPEC says, written out here and not imported from the product, so the assertions that use it stay independent.

/** SPEC §4: the columns of the LADDER table, in order. */
export const SPEC_LADDER_COLUMNS = [
  'Account ID',
  'Account',
  'Owner',
  'Segment',
  'Rung',
  'Health',
  'Why',
  'Next step',
  'Next check due',
];

/** SPEC §4: every custom function the bundle declares. */
export const SPEC_CUSTOM_FUNCTIONS = [
  'LADDER',
  'LADDER_RUNG',
  'RESULT_HEALTH',
  'LADDER_NEXT_STEP',
  'NEXT_CHECK_DUE',
  'IS_MEASURABLE',
  'RESULT_LINT',
  'CHAIN_STATUS',
  'LADDER_TREND',
  'RENEWAL_LIFT',
];
