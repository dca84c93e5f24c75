import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { langStore, setLang } from '../../../client/i18n/lang.ts';
import { initialShowState, showStore } from '../../../client/store/show.store.ts';
import StageView from '../../../client/views/stage/StageView.tsx';
import { at } from '../../support/factories.ts';
import { loadShow } from '../led/data.ts';

afterEach(() => {
  showStore.setState(initialShowState());
  setLang('vi');
  history.replaceState(null, '', '/');
});

describe('/stage language', () => {
  it('reads ?lang=en from its address, as the LED page does, without remembering it', () => {
    loadShow([['17:00', 15, { title: 'Khai mạc' }], [null, 5, { title: 'Phát biểu' }]], [[{ type: 'start' }, at('17:00')]], at('17:01'));
    history.replaceState(null, '', '/stage?lang=en');
    render(<StageView />);
    expect(langStore.getState().lang).toBe('en');
    expect(screen.getByTestId('stage-next').textContent).toBe('Next: Phát biểu');
    expect(localStorage.getItem('ros.lang')).toBeNull();
  });

  it('is Vietnamese without ?lang, whatever another page on the device chose', () => {
    localStorage.setItem('ros.lang', 'en');
    setLang('en');
    loadShow([['17:00', 15, { title: 'Khai mạc' }], [null, 5, { title: 'Phát biểu' }]], [[{ type: 'start' }, at('17:00')]], at('17:01'));
    history.replaceState(null, '', '/stage');
    render(<StageView />);
    expect(screen.getByTestId('stage-next').textContent).toBe('Tiếp theo: Phát biểu');
  });
});
