import { useState } from 'react';
import type { Command } from '../../../shared/model/action.schema.ts';
import { NOT_SENT } from '../../net/request.ts';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { logout, useSession } from '../../auth/session.ts';
import { useT, useDocumentTitle } from '../../i18n/lang.ts';
import { useConnection } from '../../net/useConnection.ts';
import { useShow } from '../../store/hooks.ts';
import { useStageFrame } from '../stage/useStageFrame.ts';
import { useStageParam } from '../../store/useStageParam.ts';
import { StageChooser } from '../../components/StageChooser.tsx';
import { useSegmentIndex } from '../stage/useSegmentIndex.ts';
import { McScreen } from './McScreen.tsx';
import { useWakeLock } from './useWakeLock.ts';
import './mc.css';

/** `/mc` — MC console; MC or admin login. A moderator's login opens it in its message-only mode. */
export default function McView() {
  const t = useT();
  useDocumentTitle('mc.title');
  return (
    <LoginGate roles={['mc', 'admin', 'moderator']} title={t('mc.title')}>
      <McLive />
    </LoginGate>
  );
}

function McLive() {
  const session = useSession();
  // A login of one stage works on that stage, whatever the address says; otherwise the link's
  // stage (by id or name) until the MC picks another on the console.
  const scoped = session?.stageId ?? null;
  const link = useStageParam();
  const [picked, setStageId] = useState<string | undefined>(undefined);
  const stageId = scoped ?? picked ?? link.stageId;
  const conn = useConnection(stageId, session?.token);
  const { now, view } = useStageFrame();
  const shown = useShow((s) => s.programme);
  // The stage picker offers only the stage this login may run.
  const payload = shown && scoped ? { ...shown, programme: { ...shown.programme, event: { ...shown.programme.event, stages: shown.programme.event.stages.filter((s) => s.id === scoped) } } } : shown;
  const connection = useShow((s) => s.connection);
  const segments = useSegmentIndex();
  const wakeLock = useWakeLock();
  // Reads the connection when a command is sent, not when the view renders.
  const send = (c: Command) => conn.current?.control(c) ?? Promise.resolve(NOT_SENT);
  const onStage = (id: string) => {
    setStageId(id);
    const url = new URL(location.href);
    url.searchParams.set('stage', id);
    history.replaceState(null, '', url);
  };
  if (scoped === null && picked === undefined && link.unknown && payload) return <StageChooser asked={link.param ?? ''} stages={payload.programme.event.stages} />;
  return (
    <McScreen
      view={view}
      now={now}
      payload={payload}
      segments={segments}
      stageId={stageId ?? null}
      onStage={onStage}
      connection={connection}
      send={send}
      wakeLock={wakeLock}
      onLogout={() => void logout()}
      mode={session?.role === 'moderator' ? 'moderator' : 'mc'}
      scopedStage={scoped}
    />
  );
}
