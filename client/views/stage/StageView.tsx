import { useDocumentTitle, useUrlLang } from '../../i18n/lang.ts';
import { StageChooser } from '../../components/StageChooser.tsx';
import { useConnection } from '../../net/useConnection.ts';
import { useShow } from '../../store/hooks.ts';
import { useStageFrame } from './useStageFrame.ts';
import { useStageParam } from '../../store/useStageParam.ts';
import { stageShowFrom } from './stage-options.ts';
import { localLogo } from '../../../shared/model/logo.ts';
import { StageScreen } from './StageScreen.tsx';
import { useSegmentIndex } from './useSegmentIndex.ts';
import './stage.css';

const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

/**
 * `/stage?stage=ID[&lang=en][&overtime=0&countdown=0&clock=0&logo=1]` — public, no login. The stage
 * by id or name. Drawn from the server clock estimate, at the frame where a second turns.
 */
export default function StageView() {
  // No controls on a screen facing the speaker: `?lang=en` in its link sets the language.
  useUrlLang();
  const { param, stageId, unknown } = useStageParam();
  useConnection(stageId);
  const { now, view } = useStageFrame();
  const segments = useSegmentIndex();
  const event = useShow((s) => s.programme?.programme.event);
  const connection = useShow((s) => s.connection);
  useDocumentTitle('stage.title');
  if (unknown && event) return <StageChooser asked={param ?? ''} stages={event.stages} />;
  return (
    <StageScreen
      view={view}
      now={now}
      segments={segments}
      timeZone={event?.timeZone ?? DEFAULT_TZ}
      eventTitle={event?.title ?? ''}
      connection={connection}
      show={stageShowFrom(location.search)}
      logoUrl={localLogo(event?.logoUrl ?? '')}
    />
  );
}
