/**
 * Flow variable types as Flow Designer's Type list shows them (`INTEGER` → `Integer`): one naming
 * for the variable checks and the simulator's errors, so that an attendee reads in both the word
 * the Global Flow Properties panel uses.
 */
const TYPE_NAMES: Record<string, string> = { STRING: 'String', INTEGER: 'Integer', BOOLEAN: 'Boolean', DECIMAL: 'Decimal', DATETIME: 'Date Time', JSON: 'JSON' };

/** `INTEGER` → `Integer`; a type Flow Designer does not list, as exported. */
export function variableTypeName(type: string): string {
  return Object.hasOwn(TYPE_NAMES, type) ? TYPE_NAMES[type] : type;
}
