/**
 * Bounds of the JSONPath that parse settings run (parse-settings.ts) over JSON an export controls
 * (a Parse activity reads a JSON variable's default, or text an expression built). jsonpath-plus
 * walks every path a query can take: deep scans after deep scans (`$..*..*…`) or unions after
 * unions (`$[0,0,…][0,0,…]…`) multiply the walk, and matches repeating a large value multiply
 * what is copied into the variable. Past a bound the call is not simulated (SECURITY.md).
 */

/**
 * Longest path handed to jsonpath-plus (as read from the row, jayway-path.ts), which splits a path
 * with a look-ahead scanning from every `.` to the next `[`: quadratic, 29 s for a path of 261,000
 * characters, a string length the loader accepts. Real paths are tens of characters.
 */
export const MAX_JSONPATH_LENGTH = 1_000;

/**
 * Steps the JSONPath queries of one simulated call take together: each step into a value costs 1
 * plus the length of the path to it (jsonpath-plus copies that path at every step, and builds each
 * match's path again). A budget per call, not per query: a flow may query on each of its hundreds
 * of steps. Spent whole, about a tenth of a second; `$..name` over 5,000 records takes 115,000.
 */
export const MAX_JSONPATH_WORK = 2_000_000;

/**
 * Deepest nesting of arrays and objects a query runs through (jsonpath-plus recurses through
 * each level; the simulator keeps 200 levels of a value it stores, variables.ts `toPlain`).
 */
export const MAX_JSONPATH_DEPTH = 200;

/**
 * How much more the matches of one row may hold together than the JSON they are read from, in
 * characters of strings and keys plus one per value: a query that picks each value once stays
 * within the JSON itself; `$..*` repeats each value under each of its containers.
 */
export const MAX_MATCHED_EXCESS = 1_000_000;
