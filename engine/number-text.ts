/**
 * Numbers written as text, as a variable's default or a value stored into an INTEGER or DECIMAL
 * variable holds them. One place for both patterns: neither backtracks (linear on any text).
 */
export const INTEGER_TEXT = /^[+-]?\d+$/;
export const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
