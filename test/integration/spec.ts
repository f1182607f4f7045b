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
