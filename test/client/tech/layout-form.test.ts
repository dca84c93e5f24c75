import { describe, expect, it } from 'vitest';
import { emptyForm, layoutDetail, layoutFromForm } from '../../../client/views/tech/layout-form.ts';
import { makeProgramme } from '../../support/factories.ts';

describe('layout form', () => {
  it('builds each layout with its parameters, trimming optional text away when empty', () => {
    const f = emptyForm();
    expect(layoutFromForm(f)).toEqual({ type: 'now-next' });
    expect(layoutFromForm({ ...f, type: 'agenda', stageId: 'hall' })).toEqual({ type: 'agenda', stageId: 'hall' });
    expect(layoutFromForm({ ...f, type: 'countdown', segmentId: 's3', label: '  ' })).toEqual({ type: 'countdown', segmentId: 's3' });
    expect(layoutFromForm({ ...f, type: 'countdown', segmentId: 's3', label: 'Khai mạc' })).toEqual({ type: 'countdown', segmentId: 's3', label: 'Khai mạc' });
    expect(layoutFromForm({ ...f, type: 'qr', qrText: 'Quét mã' })).toEqual({ type: 'qr', text: 'Quét mã' });
    expect(layoutFromForm({ ...f, type: 'message', message: 'Xin cảm ơn' })).toEqual({ type: 'message', text: 'Xin cảm ơn' });
    expect(layoutFromForm({ ...f, type: 'black' })).toEqual({ type: 'black' });
  });

  it('a now/next wall carries only the options that differ from a public wall’s defaults', () => {
    const f = emptyForm();
    expect(f.show).toEqual({ countdown: true, overtime: false, clock: false, logo: false });
    expect(layoutFromForm({ ...f, stageId: 'mang-den', show: { ...f.show, overtime: true, logo: true } })).toEqual({
      type: 'now-next',
      stageId: 'mang-den',
      show: { overtime: true, logo: true },
    });
  });

  it('has no layout while a required parameter is missing', () => {
    expect(layoutFromForm({ ...emptyForm(), type: 'message', message: '   ' })).toBeNull();
    expect(layoutFromForm({ ...emptyForm(), type: 'countdown', segmentId: '' })).toBeNull();
  });

  it('describes what a screen shows in a few words', () => {
    const p = makeProgramme([['17:00', 15, { title: 'Khai mạc' }]]);
    expect(layoutDetail({ type: 'countdown', segmentId: 's1' }, p)).toBe('Khai mạc');
    expect(layoutDetail({ type: 'countdown', segmentId: 's1', label: 'Lễ khai mạc' }, p)).toBe('Lễ khai mạc');
    expect(layoutDetail({ type: 'message', text: 'Xin chào' }, p)).toBe('Xin chào');
    expect(layoutDetail({ type: 'agenda', stageId: 'main' }, p)).toBe('Main');
    expect(layoutDetail({ type: 'black' }, p)).toBe('');
  });
});
