/** The server's words about one field, announced as soon as they appear and linked by aria-describedby. */
export function FieldErrorText({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <small id={id} class="field-error" role="alert">
      {message}
    </small>
  );
}
