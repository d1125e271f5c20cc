/** The mocks' words for a request body their schemas refuse (the schemas validated by engine/ajv.ts). */
import type { ErrorObject } from 'ajv';

/** A readable description of the first schema error: `callback is required when outboundType is CALLBACK`. */
export function describeError(error: ErrorObject | undefined, root = 'body'): string {
  if (!error) return `${root} is invalid`;
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || root;
  switch (error.keyword) {
    case 'required':
      return `${joinField(error.instancePath, String(error.params.missingProperty))} is required`;
    case 'const':
      return `${field} must be "${String(error.params.allowedValue)}"`;
    case 'enum':
      return `${field} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'maxLength':
      return `${field} must be at most ${String(error.params.limit)} characters`;
    case 'minLength':
      return `${field} must not be empty`;
    case 'maxProperties':
      return `${field} must have at most ${String(error.params.limit)} entries`;
    case 'type':
      return `${field} must be ${/^[aeiou]/.test(String(error.params.type)) ? 'an' : 'a'} ${String(error.params.type)}`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

function joinField(path: string, property: string): string {
  const parent = path.replace(/^\//, '').replace(/\//g, '.');
  return parent ? `${parent}.${property}` : property;
}
