// What a chart panel shows when its world could not be generated: the reason, and a way to try again.
export function WorldFailure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="failure" role="alert">
      <h3>The world could not be generated</h3>
      <p className="failure-message">{message}</p>
      <button type="button" className="button" onClick={onRetry}>Retry</button>
    </div>
  );
}
