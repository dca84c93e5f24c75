import { useEffect, useMemo, useState } from 'react';
import type { Stage } from '../../../shared/model/programme.schema.ts';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { SessionButtons } from '../../auth/SessionButtons.tsx';
import { useSession } from '../../auth/session.ts';
import { useDocumentTitle, useT } from '../../i18n/lang.ts';
import { crewApi, type Created, type Listed, type TokenKind } from './crew-api.ts';
import { NewApiToken, NewLink } from './NewLink.tsx';
import { NewTokenForm } from './NewTokenForm.tsx';
import { Passwords } from './Passwords.tsx';
import { TokenRow } from './TokenRow.tsx';
import { useCrew } from './useCrew.ts';
import './crew.css';

/** `/crew` — the admin hands out devices (links with QR codes), API tokens and passwords. */
export default function CrewView() {
  const t = useT();
  useDocumentTitle('crew.title');
  return (
    <LoginGate roles={['admin']} title={t('crew.title')}>
      <CrewPage />
    </LoginGate>
  );
}

function CrewPage() {
  const t = useT();
  const token = useSession()?.token ?? '';
  const crew = useMemo(() => crewApi(token), [token]);
  const { tokens, refresh } = useCrew(token);
  const [stages, setStages] = useState<Stage[] | null>(null);
  const [timeZone, setTimeZone] = useState('Asia/Ho_Chi_Minh');
  const [base, setBase] = useState('');
  const [fresh, setFresh] = useState<Created | null>(null);
  useEffect(() => {
    void fetch('/api/v1/programme', { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.json() as Promise<ProgrammePayload>)
      .then((p) => {
        setStages(p.programme.event.stages);
        setTimeZone(p.programme.event.timeZone);
      })
      .catch(() => setStages([]));
    void fetch('/api/v1/address')
      .then((r) => r.json() as Promise<{ publicUrl: string }>)
      .then((a) => setBase(a.publicUrl))
      .catch(() => setBase(location.origin));
  }, [token]);

  const stageName = (id: string | null) => (id === null ? t('crew.allStages') : (stages?.find((s) => s.id === id)?.name ?? id));
  const created = (c: Created) => {
    setFresh(c);
    refresh();
  };
  const revoke = async (x: Listed) => {
    if (!window.confirm(t('crew.revoke.confirm', { name: x.name }))) return;
    await crew.revoke(x.id);
    if (fresh?.id === x.id) setFresh(null);
    refresh();
  };
  const reissue = async (x: Listed) => {
    const r = await crew.create({ name: x.name, role: x.role, stageId: x.stageId, kind: x.kind });
    if (!r.ok) return;
    await crew.revoke(x.id);
    created(r.data);
  };
  const rename = async (x: Listed, name: string) => {
    const ok = (await crew.rename(x.id, name)).ok;
    refresh();
    return ok;
  };
  const list = (kind: TokenKind) => (tokens ?? []).filter((x) => x.kind === kind && x.revokedAt === null);
  const rows = (kind: TokenKind) =>
    list(kind).map((x) => (
      <TokenRow
        key={x.id}
        token={x}
        stageName={stageName(x.stageId)}
        timeZone={timeZone}
        onRename={(name) => rename(x, name)}
        onRevoke={() => void revoke(x)}
        {...(kind === 'device' ? { onReissue: () => void reissue(x) } : {})}
      />
    ));

  return (
    <main className="crew">
      <header className="crew-header">
        <h1>{t('crew.title')}</h1>
        <span className="crew-base">{base}</span>
        <SessionButtons />
      </header>
      <section className="crew-section" aria-labelledby="crew-devices">
        <h2 id="crew-devices">{t('crew.devices')}</h2>
        <p className="crew-muted">{t('crew.devices.intro')}</p>
        {stages ? <NewTokenForm kind="device" stages={stages} crew={crew} onCreated={created} /> : null}
        {fresh?.kind === 'device' ? <NewLink created={fresh} onClose={() => setFresh(null)} /> : null}
        {list('device').length ? <ul className="crew-list">{rows('device')}</ul> : <p className="crew-muted">{t('crew.none')}</p>}
      </section>
      <section className="crew-section" aria-labelledby="crew-api">
        <h2 id="crew-api">{t('crew.api')}</h2>
        <p className="crew-muted">{t('crew.api.intro')}</p>
        {stages ? <NewTokenForm kind="api" stages={stages} crew={crew} onCreated={created} /> : null}
        {fresh?.kind === 'api' ? <NewApiToken created={fresh} base={base} onClose={() => setFresh(null)} /> : null}
        {list('api').length ? <ul className="crew-list">{rows('api')}</ul> : <p className="crew-muted">{t('crew.api.none')}</p>}
      </section>
      <Passwords crew={crew} />
    </main>
  );
}
