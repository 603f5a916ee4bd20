import { Form, useNavigate, useSearchParams } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '~/i18n';
import { formatVnd } from '~/lib/money';

interface Suggestion {
  slug: string;
  name: string;
  price_vnd: number;
  unit: string;
  url: string;
}

/**
 * A plain GET form that works without JavaScript. With JavaScript it also suggests products as the
 * buyer types (ARIA combobox pattern), asking the same `/api/search` every other client uses.
 */
export function SearchBox() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState(params.get('q') ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const request = useRef<AbortController | null>(null);
  // The list on screen, read when newer results arrive (a fetch may land after the buyer picked an item).
  const shown = useRef<Suggestion[]>([]);
  shown.current = suggestions;

  useEffect(() => setText(params.get('q') ?? ''), [params]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || !open) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/search?per_page=6&q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = (await response.json()) as { hits: Suggestion[] };
        // Results of the last keystroke can arrive after the buyer moved onto an item of the previous
        // list: keep that item chosen if it is still there, so Enter opens what is highlighted.
        const previous = shown.current;
        setActive((i) => (i >= 0 ? body.hits.findIndex((h) => h.slug === previous[i]?.slug) : -1));
        setSuggestions(body.hits);
      } catch {
        // aborted by the next keystroke or offline: keep the plain form working
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [text, open]);

  const expanded = open && suggestions.length > 0;
  return (
    <Form
      method="get"
      action="/san-pham"
      role="search"
      className="search-box"
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor="site-search" className="visually-hidden">
        {t('searchLabel')}
      </label>
      <div className="search-box__field">
        <input
          id="site-search"
          type="search"
          name="q"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (!expanded) return;
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(suggestions.length - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(-1, i - 1));
            } else if (e.key === 'Enter' && suggestions[active]) {
              e.preventDefault();
              setOpen(false);
              navigate(suggestions[active].url);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        />
        <ul
          id={listId}
          role="listbox"
          className="suggestions"
          hidden={!expanded}
          aria-label={t('searchLabel')}
        >
          {suggestions.map((s, i) => (
            <li
              key={s.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'suggestion suggestion--active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                setOpen(false);
                navigate(s.url);
              }}
            >
              <span>{s.name}</span> <span className="muted">{formatVnd(s.price_vnd)}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="submit">{t('searchButton')}</button>
    </Form>
  );
}
