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

describe('/stage by name, unknown stages, public options', () => {
  const rows: [string, number, { title: string }][] = [
    ['17:00', 15, { title: 'Khai mạc' }],
    ['17:15', 5, { title: 'Phát biểu' }],
  ];

  it('finds the stage by its name, whatever the case and diacritics', () => {
    loadShow(rows, [[{ type: 'start' }, at('17:00')]], at('17:01'));
    history.replaceState(null, '', '/stage?stage=san%20khau%20CHINH');
    showStore.setState({ offsetMs: at('17:01') - Date.now() });
    render(<StageView />);
    expect(screen.queryByTestId('stage-chooser')).toBeNull();
    expect(screen.getByTestId('stage-digits').textContent).toMatch(/^1[34]:\d\d$/);
  });

  it('an unknown stage lists the valid ones, each a link to this view for it, keeping the link’s options', () => {
    loadShow(rows, [], at('16:00'));
    history.replaceState(null, '', '/stage?stage=Khu%20tri%E1%BB%83n%20l%C3%A3m&lang=en');
    render(<StageView />);
    expect(screen.getByRole('alert').textContent).toBe('There is no stage “Khu triển lãm”. Choose a stage:');
    const link = screen.getByRole('link', { name: /Sân khấu chính/ });
    expect(link.getAttribute('href')).toBe('/stage?stage=main&lang=en');
  });

  it('facing the hall (overtime=0): past zero the title and next stay, no red digits; the logo on request', () => {
    loadShow(rows, [[{ type: 'start' }, at('17:00')]], at('17:16'));
    const p = showStore.getState().programme!;
    showStore.setState({ programme: { ...p, programme: { ...p.programme, event: { ...p.programme.event, logoUrl: '/api/v1/logo?v=1' } } } });
    history.replaceState(null, '', '/stage?overtime=0&logo=1&clock=0');
    showStore.setState({ offsetMs: at('17:16') - Date.now() });
    render(<StageView />);
    expect(screen.getByTestId('stage-title').textContent).toBe('Khai mạc');
    expect(screen.getByTestId('stage-next').textContent).toBe('Tiếp theo: Phát biểu');
    expect(screen.queryByTestId('stage-digits')).toBeNull();
    expect(document.querySelector('main')?.getAttribute('data-level')).toBe('normal');
    expect(document.body.textContent).not.toMatch(/\+\d\d:\d\d|Quá giờ/i);
    expect(screen.queryByTestId('stage-clock')).toBeNull();
    expect(screen.getByTestId('stage-logo').getAttribute('src')).toBe('/api/v1/logo?v=1');
  });

  it('shows overtime to the speaker by default', () => {
    loadShow(rows, [[{ type: 'start' }, at('17:00')]], at('17:16'));
    history.replaceState(null, '', '/stage');
    showStore.setState({ offsetMs: at('17:16') - Date.now() });
    render(<StageView />);
    expect(screen.getByTestId('stage-digits').textContent).toMatch(/^\+0[01]:\d\d$/);
  });
});
