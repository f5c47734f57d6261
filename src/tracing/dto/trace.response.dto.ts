import { ApiProperty } from '@nestjs/swagger';
import type { BallisticsReference, ChainLink, ObservedWeapon, OnBehalfOf, Recovery, TraceAnswer, TraceEntity, TraceNote } from '../entities/trace.entity';
import type { TraceHop, TracePhotoInfo } from '../entities/trace-view';

export class TraceHopDto {
  @ApiProperty() traceId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The hop this one follows up (its traceId); null for the first request. Hops are listed depth first: each followed by its own follow-ups' })
  parentId: string | null;
  @ApiProperty() requestedState: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) nextState: string | null;
  @ApiProperty({ type: Boolean, description: 'Whether this hop reached the point where the weapon became illicit' }) diversionPoint: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why the hop was closed, when it was; withdrawn with sentAt null: a request never sent, which the other State never had' })
  closeReason: string | null;

  static from(t: TraceHop): TraceHopDto {
    return {
      traceId: t.id,
      parentId: t.parentId,
      requestedState: t.requestedState,
      status: t.status,
      outcome: t.outcome,
      sentAt: t.sentAt?.toISOString() ?? null,
      answeredAt: t.answeredAt?.toISOString() ?? null,
      nextState: t.nextState,
      diversionPoint: t.closeReason === 'diversion_point_identified',
      closeReason: t.closeReason,
    };
  }
}

export class TraceSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() exchangeId: string;
  @ApiProperty({ enum: ['outgoing', 'incoming'] }) direction: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty() requestingState: string;
  @ApiProperty() requestedState: string;
  @ApiProperty() priority: string;
  @ApiProperty() classification: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgeDueAt: string | null;
  @ApiProperty({ type: String, nullable: true }) answerDueAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'On the requester\'s copy while the requested State waits for information: when it is due' })
  informationDueAt: string | null;
  @ApiProperty({ type: String, nullable: true }) overdueSince: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(t: TraceEntity): TraceSummaryDto {
    return {
      id: t.id,
      exchangeId: t.exchangeId,
      direction: t.direction,
      status: t.status,
      version: t.version,
      requestingState: t.requestingState,
      requestedState: t.requestedState,
      priority: t.priority,
      classification: t.classification,
      parentId: t.parentId,
      acknowledgeDueAt: t.acknowledgeDueAt?.toISOString() ?? null,
      answerDueAt: t.answerDueAt?.toISOString() ?? null,
      informationDueAt: t.informationDueAt?.toISOString() ?? null,
      overdueSince: t.overdueSince?.toISOString() ?? null,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}

export class TracePhotoDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) component: string | null;
  @ApiProperty({ type: String, nullable: true }) caption: string | null;
  @ApiProperty({ enum: ['image/jpeg', 'image/png'] }) mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;

  static from(p: TracePhotoInfo): TracePhotoDto {
    return { id: p.id, component: p.component, caption: p.caption, mediaType: p.mediaType, size: p.size, sha256: p.sha256 };
  }
}

export class TraceDto extends TraceSummaryDto {
  @ApiProperty({ type: String, nullable: true }) weaponId: string | null;
  @ApiProperty() requestingAuthority: string;
  @ApiProperty({ type: String, nullable: true }) officerName: string | null;
  @ApiProperty({ type: String, nullable: true }) npcName: string | null;
  @ApiProperty() channel: string;
  @ApiProperty({ type: String, nullable: true }) urgentJustification: string | null;
  @ApiProperty({ type: [String] }) illicitBasis: string[];
  @ApiProperty() legalJustification: string;
  @ApiProperty() recovery: Recovery;
  @ApiProperty() intendedUse: string;
  @ApiProperty() confidentialityRequested: boolean;
  @ApiProperty({ type: [String] }) useRestrictions: string[];
  @ApiProperty() weapon: ObservedWeapon;
  @ApiProperty({ nullable: true, type: Object }) onBehalfOf: OnBehalfOf | null;
  @ApiProperty({ nullable: true, type: Object }) ballistics: BallisticsReference | null;
  @ApiProperty({ type: [TracePhotoDto] }) photos: TracePhotoDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The requester\'s case file (outgoing copy only)' }) caseId: string | null;
  @ApiProperty({ type: [String], description: 'Which case fields the request discloses' }) disclosedFields: string[];
  @ApiProperty({ type: Object, nullable: true, description: 'The disclosed case fields; null for readers without need to know (auditors)' })
  disclosure: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) answer: TraceAnswer | null;
  @ApiProperty({ type: [Object] }) notes: TraceNote[];
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [TraceHopDto], description: 'Every hop of the chain this trace belongs to, from the first request on' }) chain: TraceHopDto[];

  static full(t: TraceEntity, chain: TraceHop[], photos: TracePhotoInfo[] = [], disclosure: Record<string, unknown> | null = null): TraceDto {
    return {
      ...TraceSummaryDto.from(t),
      weaponId: t.weaponId,
      requestingAuthority: t.requestingAuthority,
      officerName: t.officerName,
      npcName: t.npcName,
      channel: t.channel,
      urgentJustification: t.urgentJustification,
      illicitBasis: t.illicitBasis,
      legalJustification: t.legalJustification,
      recovery: t.recovery,
      intendedUse: t.intendedUse,
      confidentialityRequested: t.confidentialityRequested,
      useRestrictions: t.useRestrictions,
      weapon: t.weaponObserved,
      onBehalfOf: t.onBehalfOf,
      ballistics: t.ballistics,
      photos: photos.map(TracePhotoDto.from),
      caseId: t.caseId,
      disclosedFields: t.disclosedFields,
      disclosure,
      answer: t.answer,
      notes: t.notes,
      closeReason: t.closeReason,
      submittedAt: t.submittedAt?.toISOString() ?? null,
      sentAt: t.sentAt?.toISOString() ?? null,
      acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
      answeredAt: t.answeredAt?.toISOString() ?? null,
      closedAt: t.closedAt?.toISOString() ?? null,
      chain: chain.map(TraceHopDto.from),
    };
  }
}

export class TracePageDto {
  @ApiProperty({ type: [TraceSummaryDto] }) items: TraceSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CandidateDto {
  @ApiProperty() weaponId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: String, nullable: true }) serial: string | null;
  @ApiProperty({ type: String, nullable: true }) manufacturer: string | null;
  @ApiProperty({ type: String, nullable: true }) model: string | null;
  @ApiProperty({ type: String, nullable: true }) calibre: string | null;
  @ApiProperty({ description: 'The answer as it would be prefilled from this record' }) prefill: { chain: ChainLink[]; lastLegalHolder: string | null; nextState: string | null };
}

export class CandidatesDto {
  @ApiProperty({ type: [CandidateDto] }) items: CandidateDto[];
  @ApiProperty({ description: 'True when more serials of the registry fit the serial observed than a search reads (5,000): the weapon may be missing from the items' })
  truncated: boolean;
}
