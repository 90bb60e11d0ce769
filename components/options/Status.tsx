/** A message announced to screen readers: role=alert for errors, role=status otherwise. */
export function Status({ status, id }: { status: { ok: boolean; text: string } | null; id?: string }) {
  if (!status) return <p id={id} role="status" class="cc-status" />;
  return status.ok ? (
    <p id={id} role="status" class="cc-status">
      {status.text}
    </p>
  ) : (
    <p id={id} role="alert" class="cc-status cc-error">
      {status.text}
    </p>
  );
}
