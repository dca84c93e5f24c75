import { QrCode } from '../../components/QrCode.tsx';
import { useT } from '../../i18n/lang.ts';
import type { Created } from './crew-api.ts';

type Props = { created: Created; onClose: () => void };

/**
 * A device link just made, large enough to scan with a tablet's camera across a table. It is
 * shown only now: the server keeps the token hashed and cannot show it again.
 */
export function NewLink({ created, onClose }: Props) {
  const t = useT();
  return (
    <section className="crew-new-link" aria-labelledby="crew-new-link-title" data-testid="crew-new-link">
      <h3 id="crew-new-link-title">{t('crew.new.title', { name: created.name })}</h3>
      <QrCode text={created.url} size={360} label={created.url} className="crew-qr" />
      <p className="crew-url">
        <a href={created.url} target="_blank" rel="noreferrer" data-testid="crew-link-url">
          {created.url}
        </a>
      </p>
      <p className="crew-muted">{t('crew.new.once')}</p>
      <button type="button" onClick={onClose}>
        {t('crew.new.close')}
      </button>
    </section>
  );
}

/** An API token just made: the address and header to paste into Companion, shown only now. */
export function NewApiToken({ created, base, onClose }: Props & { base: string }) {
  const t = useT();
  return (
    <section className="crew-new-link" data-testid="crew-new-api">
      <h3>{created.name}</h3>
      <p className="crew-field">{t('crew.api.url')}</p>
      <code className="crew-code">POST {base}/api/v1/control/next</code>
      <p className="crew-field">{t('crew.api.header')}</p>
      <code className="crew-code" data-testid="crew-api-header">
        Authorization: Bearer {created.token}
      </code>
      <p className="crew-muted">{t('crew.new.once')}</p>
      <button type="button" onClick={onClose}>
        {t('crew.new.close')}
      </button>
    </section>
  );
}
