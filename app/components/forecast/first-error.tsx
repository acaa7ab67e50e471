// An override form's first error.
import { FieldError } from '../field.tsx'

/** A small form shows its first error. */
export function FirstError({ errors }: { errors: Record<string, string> }) {
  return <FieldError error={Object.values(errors)[0]} />
}
