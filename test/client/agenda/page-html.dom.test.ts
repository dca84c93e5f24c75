import { describe, expect, it } from 'vitest';
import { agendaDataFrom } from '../../../shared/agenda/data.ts';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import { DATA_ID, DATA_MARK, inlineStylesheets, jsonForHtml, renderAgendaHtml, SSR_MARK } from '../../../server/agenda/agenda.page.ts';
import { at, makeProgramme } from '../../support/factories.ts';

const TEMPLATE = `<!doctype html><html lang="vi"><head><title>x</title></head><body><div id="agenda">${SSR_MARK}</div>${DATA_MARK}</body></html>`;

describe('agenda page renderer', () => {
  it('puts the programme in the HTML and the same data in an inert JSON block that no title can break out of', () => {
    const p = makeProgramme([['17:00', 15, { title: 'Evil </script><script>alert(1)</script> & co' }]]);
    const data = agendaDataFrom({ revision: 3, programme: p, plan: resolvePlan(p), warnings: [] }, [], at('16:00'));
    const html = renderAgendaHtml({
      template: TEMPLATE,
      data,
      selection: { dayId: 'd1', stageId: 'main' },
      lang: 'en',
      now: at('16:00'),
      pageUrl: 'http://venue.lan/agenda',
      qrSvg: '<svg></svg>',
    });
    // Parsed as a browser would parse the response.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Programme · Test event');
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    const block = doc.getElementById(DATA_ID)!;
    expect(block.getAttribute('type')).toBe('application/json');
    expect(JSON.parse(block.textContent!).segments[0].title).toBe('Evil </script><script>alert(1)</script> & co');
    expect(doc.querySelector('.ag-seg')!.textContent).toBe('Evil </script><script>alert(1)</script> & co');
    expect(doc.querySelector('.ag-time')!.textContent).toBe('17:00–17:15');
    expect(jsonForHtml({ a: '<!--' })).toBe('{"a":"\\u003c!--"}');
  });

  it('inlines the built stylesheet and leaves unknown links alone', () => {
    const html = '<link rel="stylesheet" crossorigin href="/assets/a.css"><link rel="stylesheet" href="/assets/missing.css">';
    const out = inlineStylesheets(html, (href) => (href === '/assets/a.css' ? 'body{color:red}</style>' : null));
    expect(out).toBe('<style>body{color:red}<\\/style></style><link rel="stylesheet" href="/assets/missing.css">');
  });
});
