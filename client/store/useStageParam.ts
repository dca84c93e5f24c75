import { findStage } from '../../shared/model/stage-id.ts';
import { useShow } from './hooks.ts';

export type StageParam = {
  /** What the link says (`?stage=`), as typed: an id or a name. */
  param: string | undefined;
  /** The stage's id once the programme is known (the link's text until then, which the server also resolves). */
  stageId: string | undefined;
  /** The link names no stage of this programme. */
  unknown: boolean;
};

/** The stage a view's link names, by id or by name (case and diacritics aside). */
export function useStageParam(param: string | undefined = new URLSearchParams(location.search).get('stage') ?? undefined): StageParam {
  const stages = useShow((s) => s.programme?.programme.event.stages);
  if (param === undefined || stages === undefined) return { param, stageId: param, unknown: false };
  const found = findStage(stages, param);
  return { param, stageId: found?.id, unknown: found === undefined };
}

/** The link of this page for another stage, keeping its other options (`lang`, `overtime`…). */
export function linkToStage(stageId: string, href: string = location.href): string {
  const url = new URL(href);
  url.searchParams.set('stage', stageId);
  return `${url.pathname}${url.search}${url.hash}`;
}
