import { ApiProperty } from '@nestjs/swagger';
import { standingCorrections, standingHistory } from '../../records/corrections';
import { legalHolderOf } from '../../records/legal-holder';
import { DescriptionChanges, RecordEventEntity } from '../../records/entities/record-event.entity';
import { MarkingEntity } from '../entities/marking.entity';
import { WeaponEntity } from '../entities/weapon.entity';
import { MARKING_RULES } from '../marking-rules';

export class MarkingDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() component: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) manufacturer: string | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) serial: string | null;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: String, nullable: true }) symbolCode: string | null;
  @ApiProperty({ type: String, nullable: true }) method: string | null;
  @ApiProperty({ type: [String] }) photoRefs: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The correction that withdrew this marking, recorded in error (listed under withdrawnMarkings)' })
  withdrawnBy: string | null;

  static from(m: MarkingEntity): MarkingDto {
    return Object.assign(new MarkingDto(), {
      id: m.id, kind: m.kind, component: m.component, text: m.text, manufacturer: m.manufacturer, country: m.country,
      serial: m.serial, year: m.year, symbolCode: m.symbolCode, method: m.method, photoRefs: m.photoRefs, withdrawnBy: m.withdrawnBy,
    });
  }
}

export class RecordEventDtoOut {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: '2026-03-14' }) occurredOn: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) parties: { role: string; name: string; country?: string }[];
  @ApiProperty({ type: String, nullable: true }) licenceRef: string | null;
  @ApiProperty({ type: String, nullable: true }) authorisationRef: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartState: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For corrected: the event whose facts this one restates' }) correctsEventId: string | null;
  @ApiProperty({ description: 'For corrected: its facts replace those of the event it corrects (false for a correction that annuls, or a note recorded before corrections restated anything)' })
  restates: boolean;
  @ApiProperty({ description: 'For corrected: the corrected event did not happen' }) annuls: boolean;
  @ApiProperty({
    type: 'object', nullable: true, additionalProperties: { type: 'object', properties: { from: {}, to: {} }, required: ['from', 'to'] },
    example: { serial: { from: '1A23465', to: '1A23456' } },
    description: 'For corrected, of the record\'s first event: the description it corrected, each field from → to (null: not recorded, or cleared)',
  })
  description: DescriptionChanges | null;
  @ApiProperty({ type: [String], description: 'For corrected: the markings it withdrew, recorded in error' }) withdrawsMarkings: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The correction that stands for this event (the last recorded): its facts replace this event\'s, or it annuls the event' })
  correctedBy: string | null;
  @ApiProperty() statusAfter: string;
  @ApiProperty({ enum: ['manufacture', 'other'] }) recordClass: string;
  @ApiProperty({ example: '2056-03-14', description: 'Earliest purge date (ITI 12)' }) retainUntil: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;

  static from(e: RecordEventEntity, correctedBy: string | null, withdrawsMarkings: string[]): RecordEventDtoOut {
    return Object.assign(new RecordEventDtoOut(), {
      id: e.id, type: e.type, occurredOn: e.occurredOn, parties: e.parties, licenceRef: e.licenceRef, authorisationRef: e.authorisationRef,
      counterpartState: e.counterpartState, correctsEventId: e.correctsEventId, restates: e.restates, annuls: e.annuls, description: e.description, withdrawsMarkings,
      correctedBy, statusAfter: e.statusAfter, recordClass: e.recordClass,
      retainUntil: e.retainUntil, notes: e.notes, recordedAt: e.recordedAt.toISOString(),
    });
  }
}

export class RuleBreachDto {
  @ApiProperty({ example: 'ITI_8D_GOVERNMENT_MARKING' }) code: string;
  @ApiProperty({ example: 'ITI 8(d)' }) paragraph: string;
  @ApiProperty() message: string;
}

export class LegalHoldOutDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: 'Court order 2026/118', description: 'Shown to registrars and auditors (it may name an investigation); null for other readers' })
  reason: string | null;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The registrar who placed it; null for a hold placed before holds were listed' }) placedBy: string | null;
}

export class WeaponSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'FRA' }) stateCode: string;
  @ApiProperty({ enum: ['small_arm', 'light_weapon'] }) category: string;
  @ApiProperty({ example: 'assault_rifle' }) type: string;
  @ApiProperty({ type: String, nullable: true, description: 'Reference code when matched' }) manufacturerCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As given' }) manufacturer: string | null;
  @ApiProperty({ type: String, nullable: true }) model: string | null;
  @ApiProperty({ type: String, nullable: true }) calibreCode: string | null;
  @ApiProperty({ type: String, nullable: true }) calibre: string | null;
  @ApiProperty({ type: String, nullable: true }) serial: string | null;
  @ApiProperty({ type: String, nullable: true }) serialNormalised: string | null;
  @ApiProperty({ type: String, nullable: true }) countryOfManufacture: string | null;
  @ApiProperty({ type: Number, nullable: true }) yearOfManufacture: number | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true, description: 'The holder the record was registered with, as given (the last known one is legalHolder)' }) holder: string | null;
  @ApiProperty({ type: String, nullable: true }) custodian: string | null;
  @ApiProperty({ type: Object, example: { craftOr3dPrinted: false, antique: false, modular: false, serialObliterated: false } })
  flags: { craftOr3dPrinted: boolean; antique: boolean; modular: boolean; serialObliterated: boolean };
  @ApiProperty({ type: [RuleBreachDto], description: 'ITI rules this record breaches, accepted and flagged' }) incomplete: RuleBreachDto[];
  @ApiProperty({ type: [String], description: 'Fields whose values are not in the reference data' }) unknownReferences: string[];
  @ApiProperty({ type: [LegalHoldOutDto], description: 'Legal holds standing, oldest first; the record cannot be purged while any stands' }) legalHolds: LegalHoldOutDto[];

  /** `holdReasons`: whether the reader sees why the record is held (registrars and auditors). */
  static from(w: WeaponEntity, holdReasons: boolean): WeaponSummaryDto {
    return Object.assign(new WeaponSummaryDto(), summary(w, holdReasons));
  }
}

export class WeaponDto extends WeaponSummaryDto {
  @ApiProperty({ type: [MarkingDto], description: 'The markings as read, those withdrawn by a correction aside' }) markings: MarkingDto[];
  @ApiProperty({ type: [MarkingDto], description: 'Markings recorded in error, withdrawn by a correction: kept, but no longer counted by the rules or found by serial' })
  withdrawnMarkings: MarkingDto[];
  @ApiProperty({ type: [RecordEventDtoOut], description: 'The history as recorded, oldest first: corrections are events of their own (see correctedBy)' }) events: RecordEventDtoOut[];
  @ApiProperty({ type: String, nullable: true, description: 'Earliest date the record may be purged: the latest retainUntil of its events' })
  retainUntil: string | null;
  @ApiProperty({
    type: String, nullable: true,
    description: 'The last known legal holder, from the history as it stands: the recipient of the latest transfer, import or acquisition after the first event; '
      + 'without one, holder (as registered), then the first event\'s recipient, then the custodian of the records. A trace answer prefills it.',
  })
  legalHolder: string | null;

  static full(w: WeaponEntity, markings: MarkingEntity[], events: RecordEventEntity[], holdReasons: boolean): WeaponDto {
    const retainUntil = events.reduce<string | null>((latest, e) => (latest === null || e.retainUntil > latest ? e.retainUntil : latest), null);
    const corrections = standingCorrections(events);
    return Object.assign(new WeaponDto(), summary(w, holdReasons), {
      markings: markings.filter((m) => !m.withdrawnBy).map(MarkingDto.from),
      withdrawnMarkings: markings.filter((m) => m.withdrawnBy).map(MarkingDto.from),
      events: events.map((e) => RecordEventDtoOut.from(e, corrections.get(e.id)?.id ?? null, markings.filter((m) => m.withdrawnBy === e.id).map((m) => m.id))),
      retainUntil,
      legalHolder: legalHolderOf(standingHistory(events), w.holder, w.custodian, w.stateCode),
    });
  }
}

function summary(w: WeaponEntity, holdReasons: boolean) {
  return {
    id: w.id, stateCode: w.stateCode, category: w.category, type: w.typeCode, manufacturerCode: w.manufacturerCode, manufacturer: w.manufacturerText,
    model: w.model, calibreCode: w.calibreCode, calibre: w.calibreText, serial: w.serialAsMarked, serialNormalised: w.serialNormalised,
    countryOfManufacture: w.countryOfManufacture, yearOfManufacture: w.yearOfManufacture, status: w.status, holder: w.holder, custodian: w.custodian,
    flags: { craftOr3dPrinted: w.craftOr3dPrinted, antique: w.antique, modular: w.modular, serialObliterated: w.serialObliterated },
    incomplete: w.incomplete.map(toBreach).filter((b): b is RuleBreachDto => b !== null),
    unknownReferences: w.unknownReferences,
    legalHolds: w.legalHolds.map((h): LegalHoldOutDto => ({ id: h.id, reason: holdReasons ? h.reason : null, placedAt: h.placedAt, placedBy: h.placedBy })),
  };
}

function toBreach(code: string): RuleBreachDto | null {
  const rule = MARKING_RULES.find((r) => r.code === code);
  return rule ? { code: rule.code, paragraph: rule.paragraph, message: rule.message } : null;
}

export class WeaponPageDto {
  @ApiProperty({ type: [WeaponSummaryDto] }) items: WeaponSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
