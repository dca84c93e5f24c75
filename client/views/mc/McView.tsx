import { useState } from 'react';
import type { Command } from '../../../shared/model/action.schema.ts';
import { NOT_SENT } from '../../net/request.ts';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { logout, useSession } from '../../auth/session.ts';
import { useT, useDocumentTitle } from '../../i18n/lang.ts';
import { useConnection } from '../../net/useConnection.ts';
import { useServerNow, useShow } from '../../store/hooks.ts';
import { useStageView } from '../../store/useStageView.ts';
import { useStageParam } from '../../store/useStageParam.ts';
import { StageChooser } from '../../components/StageChooser.tsx';
import { useSegmentIndex } from '../stage/useSegmentIndex.ts';
import { McScreen } from './McScreen.tsx';
import { useWakeLock } from './useWakeLock.ts';
import './mc.css';

/** `/mc` — MC console; MC or admin login. */
export default function McView() {
  const t = useT();
  useDocumentTitle('mc.title');
  return (
    <LoginGate roles={['mc', 'admin']} title={t('mc.title')}>
      <McLive />
    </LoginGate>
  );
}

function McLive() {
  const session = useSession();
  // The link's stage (by id or name) until the MC picks another on the console.
  const link = useStageParam();
  const [picked, setStageId] = useState<string | undefined>(undefined);
  const stageId = picked ?? link.stageId;
  const conn = useConnection(stageId, session?.token);
  const now = useServerNow();
  const view = useStageView(now);
  const payload = useShow((s) => s.programme);
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
  if (picked === undefined && link.unknown && payload) return <StageChooser asked={link.param ?? ''} stages={payload.programme.event.stages} />;
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
    />
  );
}
