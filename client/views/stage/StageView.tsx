import { translate } from '../../../shared/i18n/index.ts';
import { useLang, useDocumentTitle, useUrlLang } from '../../i18n/lang.ts';
import { useConnection } from '../../net/useConnection.ts';
import { useServerNow, useShow } from '../../store/hooks.ts';
import { useStageView } from '../../store/useStageView.ts';
import { StageScreen } from './StageScreen.tsx';
import { useSegmentIndex } from './useSegmentIndex.ts';
import './stage.css';

const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

/** `/stage?stage=ID[&lang=en]` — public, no login. Redrawn every animation frame from the server clock estimate. */
export default function StageView() {
  // No controls on a screen facing the speaker: `?lang=en` in its link sets the language.
  useUrlLang();
  const lang = useLang();
  const stageId = new URLSearchParams(location.search).get('stage') ?? undefined;
  useConnection(stageId);
  const now = useServerNow();
  const view = useStageView(now);
  const segments = useSegmentIndex();
  const event = useShow((s) => s.programme?.programme.event);
  const connection = useShow((s) => s.connection);
  useDocumentTitle('stage.title');
  const unknown = stageId !== undefined && event !== undefined && !event.stages.some((s) => s.id === stageId);
  if (unknown) {
    return (
      <main className="stage stage-phase-loading">
        <p className="stage-caption" role="alert">
          {translate(lang, 'stage.unknownStage', { id: stageId })}
        </p>
      </main>
    );
  }
  return (
    <StageScreen
      view={view}
      now={now}
      segments={segments}
      timeZone={event?.timeZone ?? DEFAULT_TZ}
      eventTitle={event?.title ?? ''}
      connection={connection}
    />
  );
}
