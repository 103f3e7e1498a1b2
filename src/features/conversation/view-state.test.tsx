import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_FOLLOWS_TYPING_MS, useLiveViewState } from './view-state';

function renderLiveView(path: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>;
  return renderHook(
    () => {
      const [view, change] = useLiveViewState();
      return { view, change, navigate: useNavigate(), search: useLocation().search };
    },
    { wrapper },
  );
}

describe('useLiveViewState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers with the typed query at once, and puts it in the URL once typing pauses', () => {
    const { result } = renderLiveView('/c?q=re');
    act(() => result.current.change({ query: 'ref' }));
    act(() => result.current.change({ query: 'refu' }));
    expect(result.current.view.query).toBe('refu');
    expect(result.current.search).toBe('?q=re');

    act(() => vi.advanceTimersByTime(URL_FOLLOWS_TYPING_MS - 1));
    expect(result.current.search).toBe('?q=re');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.search).toBe('?q=refu');
    expect(result.current.view.query).toBe('refu');
  });

  it('passes every other change to the URL at once, keeping what is being typed', () => {
    const { result } = renderLiveView('/c');
    act(() => result.current.change({ query: 'refund' }));
    act(() => result.current.change({ redact: true, zone: 'UTC' }));
    expect(result.current.search).toBe('?tz=utc&redact=1');
    expect(result.current.view).toMatchObject({ query: 'refund', redact: true, zone: 'UTC' });

    act(() => vi.advanceTimersByTime(URL_FOLLOWS_TYPING_MS));
    expect(new URLSearchParams(result.current.search).get('q')).toBe('refund');
    expect(new URLSearchParams(result.current.search).get('redact')).toBe('1');
  });

  it('lets a URL that moved on meanwhile (back, forward, a link) win over what was typed before', () => {
    const { result } = renderLiveView('/c?q=refund');
    act(() => result.current.change({ query: 'refunds' }));
    act(() => result.current.navigate('/c?q=webhook'));
    expect(result.current.view.query).toBe('webhook');

    act(() => vi.advanceTimersByTime(URL_FOLLOWS_TYPING_MS));
    expect(result.current.search).toBe('?q=webhook');
    expect(result.current.view.query).toBe('webhook');
  });

  it('clears the query even when the cleared text arrives while the URL is still taking the typed one', () => {
    const { result } = renderLiveView('/c');
    act(() => result.current.change({ query: 'refund' }));
    act(() => {
      // The URL is asked for ?q=refund, and before the router has rendered it, Esc clears the box.
      vi.advanceTimersByTime(URL_FOLLOWS_TYPING_MS);
      result.current.change({ query: '' });
    });
    expect(result.current.view.query).toBe('');
    act(() => vi.advanceTimersByTime(URL_FOLLOWS_TYPING_MS));
    expect(result.current.search).toBe('');
    expect(result.current.view.query).toBe('');
  });

  it('drops a query still waiting when the page goes', () => {
    const { result, unmount } = renderLiveView('/c');
    act(() => result.current.change({ query: 'refund' }));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
