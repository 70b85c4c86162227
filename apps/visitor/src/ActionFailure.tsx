/** Why the last tap did not work, read out at once. */
export function ActionFailure({ failure }: { failure: string | null }) {
  if (!failure) return null;
  return (
    <p class="waiting-failure" role="alert">
      {failure}
    </p>
  );
}
