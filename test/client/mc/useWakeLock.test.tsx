import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWakeLock } from '../../../client/views/mc/useWakeLock.ts';

function Probe() {
  return <p data-testid="held">{String(useWakeLock())}</p>;
}

type Listener = () => void;
function fakeWakeLock() {
  const sentinels: { release: ReturnType<typeof vi.fn>; fire: Listener }[] = [];
  const request = vi.fn(async () => {
    let onRelease: Listener = () => {};
    const s = {
      release: vi.fn(async () => onRelease()),
      addEventListener: (_t: 'release', cb: Listener) => {
        onRelease = cb;
      },
    };
    sentinels.push({ release: s.release, fire: () => onRelease() });
    return s;
  });
  Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
  return { request, sentinels };
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'wakeLock');
});

describe('useWakeLock', () => {
  it('holds a screen wake lock while mounted, asks again after the browser drops it, and releases on unmount', async () => {
    const { request, sentinels } = fakeWakeLock();
    const { unmount } = render(<Probe />);
    await act(async () => {});
    expect(request).toHaveBeenCalledWith('screen');
    expect(screen.getByTestId('held').textContent).toBe('true');

    // The page was hidden: the browser released the lock; coming back asks for a new one.
    await act(async () => sentinels[0]!.fire());
    expect(screen.getByTestId('held').textContent).toBe('false');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(request).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('held').textContent).toBe('true');

    unmount();
    expect(sentinels[1]!.release).toHaveBeenCalled();
  });

  it('does nothing where the browser has no Wake Lock API', () => {
    render(<Probe />);
    expect(screen.getByTestId('held').textContent).toBe('false');
  });
});
