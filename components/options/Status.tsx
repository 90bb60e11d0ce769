/** A message announced to screen readers: role=alert for errors, role=status otherwise. */
export function Status({ status }: { status: { ok: boolean; text: string } | null }) {
  if (!status) return <p role="status" class="cc-status" />;
  return status.ok ? (
    <p role="status" class="cc-status">
      {status.text}
    </p>
  ) : (
    <p role="alert" class="cc-status cc-error">
      {status.text}
    </p>
  );
}
