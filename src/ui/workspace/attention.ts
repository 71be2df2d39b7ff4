// Where the person's attention goes after a move: the view it opened or changed is brought into
// view and its heading takes the focus, so keyboard and screen-reader users land there too —
// never on <body> because the control they used went away (a picked bar, the changelog's button).
export function attend(headingId: string, { scroll = true } = {}): void {
  // After React has drawn what the move changed.
  requestAnimationFrame(() => {
    const heading = document.getElementById(headingId);
    if (!heading) return;
    if (scroll) (heading.closest('section') ?? heading).scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  });
}
