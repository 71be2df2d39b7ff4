// A picker that commits only when the person says so: the WAI-ARIA "select-only combobox". A
// native <select> commits on the first arrow key or letter typed while it is closed (a keyboard
// run once submitted the wrong segment that way); here arrows, Home/End and type-ahead only move
// the highlight, and Enter, Space or a click commits. Escape or leaving closes it uncommitted.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface ChoiceListProps {
  /** What the closed picker says (e.g. "choose a value…"). */
  placeholder: string;
  /** The accessible name (e.g. "Tenure value"). */
  label: string;
  options: readonly string[];
  onChoose: (value: string) => void;
  disabled?: boolean;
  testId?: string;
}

export function ChoiceList({ placeholder, label, options, onChoose, disabled = false, testId }: ChoiceListProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const id = useId();

  // The highlighted option stays in view as the highlight moves.
  useEffect(() => {
    if (open) list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  const choose = (i: number) => {
    const value = options[i];
    setOpen(false);
    if (value !== undefined) onChoose(value);
  };
  const move = (to: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(options.length - 1, to)));
  };
  /** Type-ahead: letters typed within a second make a prefix; the first option it starts is highlighted. */
  const typeAhead = (key: string) => {
    const now = Date.now();
    typed.current = { text: (now - typed.current.at < 1000 ? typed.current.text : '') + key.toLowerCase(), at: now };
    const i = options.findIndex((o) => o.toLowerCase().startsWith(typed.current.text));
    if (i >= 0) move(i);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (disabled || options.length === 0) return;
    switch (event.key) {
      case 'ArrowDown':
        if (!open || event.altKey) setOpen(true);
        else move(active + 1);
        break;
      case 'ArrowUp':
        if (!open) setOpen(true);
        else move(active - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(options.length - 1);
        break;
      case 'PageDown':
        move(active + 10);
        break;
      case 'PageUp':
        move(active - 10);
        break;
      case 'Enter':
      case ' ':
        if (open) choose(active);
        else setOpen(true);
        break;
      case 'Escape':
        if (!open) return;
        // Closes the list only (prevented below, so the dialog it may sit in stays: useModalFocus).
        setOpen(false);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) typeAhead(event.key);
        else return;
    }
    event.preventDefault();
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="choice-list">
      <div
        ref={button}
        role="combobox"
        tabIndex={disabled ? -1 : 0}
        className={`choice-button${disabled ? ' is-disabled' : ''}`}
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-disabled={disabled || undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        data-testid={testId}
        onClick={() => !disabled && setOpen((o) => !o)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      >
        {placeholder}
        <span className="choice-caret" aria-hidden="true">▾</span>
      </div>
      <ul ref={list} id={listId} role="listbox" aria-label={label} className="choice-options" hidden={!open}>
        {options.map((o, i) => (
          <li
            key={o}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'choice-option is-active' : 'choice-option'}
            // mousedown, not click: the combobox must not lose focus (and close) first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(i);
            }}
            onMouseMove={() => setActive(i)}
          >
            {o}
          </li>
        ))}
      </ul>
    </div>
  );
}
