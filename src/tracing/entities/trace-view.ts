import type { TraceEntity } from './trace.entity';
import type { TracePhotoEntity } from './trace-photo.entity';

/** One trace of a chain, as the view of any of its traces lists it. */
export interface TraceHop {
  id: string;
  /** The hop this one follows up; null for the first request. */
  parentId: string | null;
  requestedState: string;
  status: string;
  outcome: string | null;
  nextState: string | null;
  sentAt: Date | null;
  answeredAt: Date | null;
  closeReason: string | null;
}

export type TracePhotoInfo = Pick<TracePhotoEntity, 'id' | 'component' | 'caption' | 'mediaType' | 'size' | 'sha256'>;

export interface TraceView {
  chain: TraceHop[];
  photos: TracePhotoInfo[];
}

/** The hop a copy makes in its chain (a new copy, alone in its chain). */
export function hopOf(t: TraceEntity): TraceHop {
  return {
    id: t.id, parentId: t.parentId ?? null, requestedState: t.requestedState, status: t.status, outcome: t.answer?.outcome ?? null, nextState: t.answer?.nextState ?? null,
    sentAt: t.sentAt ?? null, answeredAt: t.answeredAt ?? null, closeReason: t.closeReason ?? null,
  };
}
