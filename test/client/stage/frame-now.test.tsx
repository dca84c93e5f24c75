import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialShowState, showStore } from '../../../client/store/show.store.ts';
import StageView from '../../../client/views/stage/StageView.tsx';
import { formatDuration } from '../../../shared/time-format.ts';
import { at } from '../../support/factories.ts';
import { loadShow } from '../led/data.ts';

const FRAME_MS = 16;
const FAKED = ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'] as const;

afterEach(() => {
  showStore.setState(initialShowState());
});

describe('/stage draws from the clock at the frames where something turns', () => {
  it('shows every second at the first frame past its turn, and renders a few times a second, not every frame', () => {
    // Animation frames every 16 ms from 17:01:00.000, as the test steps.
    vi.useFakeTimers({ now: at('17:01'), toFake: [...FAKED] });
    // Started at 17:00:00.437: the countdown turns at .437 of each second, the clock at .000.
    const startedAt = at('17:00') + 437;
    loadShow([['17:00', 15, { title: 'Khai mạc' }], [null, 5, { title: 'Phát biểu' }]], [[{ type: 'start' }, startedAt]], at('17:01'));
    // A synced clock estimate has fractions of a millisecond.
    const offsetMs = 0.37;
    showStore.setState({ offsetMs });
    let commits = 0;
    render(
      <Profiler id="stage" onRender={() => (commits += 1)}>
        <StageView />
      </Profiler>,
    );
    const end = startedAt + 15 * 60_000;
    const before = commits;
    const seen = new Set<string>();
    for (let frame = 0; frame < 10_000 / FRAME_MS; frame++) {
      act(() => {
        vi.advanceTimersByTime(FRAME_MS);
      });
      const digits = screen.getByTestId('stage-digits').textContent ?? '';
      expect(digits, `at ${Date.now() - at('17:01')} ms`).toBe(formatDuration(end - (Date.now() + offsetMs)));
      seen.add(digits);
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
    // Each second: the countdown's turn and the clock's, each both as it reaches the second and just after.
    expect(commits - before).toBeLessThanOrEqual(10 * 4 + 2);
  });

  it('draws a new run state at once, at the clock of that moment', () => {
    vi.useFakeTimers({ now: at('17:01') + 900, toFake: [...FAKED] });
    loadShow([['17:00', 15, { title: 'Khai mạc' }], [null, 5, { title: 'Phát biểu' }]], [[{ type: 'start' }, at('17:00')]], at('17:01'));
    render(<StageView />);
    act(() => {
      vi.advanceTimersByTime(50);
    });
    expect(screen.getByTestId('stage-title').textContent).toBe('Khai mạc');
    // Next pressed now: the new segment's five minutes start counting at once.
    const pressed = Date.now();
    act(() => {
      loadShow(
        [['17:00', 15, { title: 'Khai mạc' }], [null, 5, { title: 'Phát biểu' }]],
        [
          [{ type: 'start' }, at('17:00')],
          [{ type: 'next' }, pressed - 1],
        ],
        pressed,
      );
    });
    expect(screen.getByTestId('stage-title').textContent).toBe('Phát biểu');
    expect(screen.getByTestId('stage-digits').textContent).toBe(formatDuration(5 * 60_000 - 1));
  });
});
