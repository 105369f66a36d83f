/**
 * Recharts sorts legend and tooltip items by name unless told otherwise ("Churned, First-time
 * active, Quick ratio…"), so they would not follow the chart. This sorter keeps the order the
 * series are listed in (the stacking order of bars, the order of the lines); an unknown key goes last.
 */
export function inListedOrder(keys: readonly string[]): (item: { dataKey?: unknown }) => number {
  return (item) => {
    const i = keys.indexOf(String(item.dataKey));
    return i < 0 ? keys.length : i;
  };
}
