import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

// Files share one jsdom per worker (isolate: false), so each test leaves the page as it found it.
afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
