import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsObject, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Min, ValidateNested,
} from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { IsCalendarDate, NotAfterThisYear } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { PageQueryDto } from '../../common/http/pagination';
import { WeaponFiltersDto } from './search.dto';
import { COMPONENTS, EARLIEST_MANUFACTURE_YEAR, EVENT_TYPES, MARKING_KINDS, ORIGIN_EVENTS, WEAPON_STATUSES } from '../registry.constants';
import type { Component, EventType, MarkingKind, OriginEvent, WeaponStatus } from '../registry.constants';
import { lower, lowerEach, trim, upper } from '../../common/http/transforms';

const STATE = /^[A-Z]{3}$/;

export class MarkingInputDto {
  @ApiProperty({ enum: MARKING_KINDS }) @IsIn(MARKING_KINDS, { message: `kind must be one of ${MARKING_KINDS.join(', ')}` })
  kind: MarkingKind;

  @ApiProperty({ enum: COMPONENTS }) @IsIn(COMPONENTS, { message: `component must be one of ${COMPONENTS.join(', ')}` })
  component: Component;

  @ApiProperty({ example: 'FN HERSTAL BELGIUM 1A23456', description: 'The marking as read' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(500)
  text: string;

  @ApiPropertyOptional({ example: 'FN Herstal' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  manufacturer?: string;

  @ApiPropertyOptional({ example: 'BEL', description: 'ISO 3166 alpha-3: country of manufacture, of import, or the transferring State' })
  @Optional() @Transform(upper) @Matches(STATE, { message: 'country must be an ISO 3166 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ example: '1A23456' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  serial?: string;

  @ApiPropertyOptional({ example: 2019 }) @Optional() @IsInt() @Min(EARLIEST_MANUFACTURE_YEAR) @NotAfterThisYear('year')
  year?: number;

  @ApiPropertyOptional({ description: 'Alternative unique marking of ITI 8(a): the symbols' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  symbolCode?: string;

  @ApiPropertyOptional({ example: 'stamped' }) @Optional() @Transform(trim) @IsString() @MaxChars(32)
  method?: string;

  @ApiPropertyOptional({ type: [String], description: 'References of photos of the marking' })
  @Optional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxChars(500, { each: true })
  photoRefs?: string[];
}

export class PartyDto {
  @ApiProperty({
    example: 'buyer',
    description: 'Free text. The recipient of a transfer is read by its role (end user, then new holder, acquirer, buyer..., then importer, consignee, then owner, holder), '
      + 'else it is the last party not named as the one handing over (seller, exporter, transferor...): docs/tracing.md',
  })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  role: string;

  @ApiProperty({ example: 'FN Herstal SA' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  name: string;

  @ApiPropertyOptional({ example: 'BEL' }) @Optional() @Transform(upper) @Matches(STATE, { message: 'country must be an ISO 3166 alpha-3 code' })
  country?: string;
}

/** What every record event carries, the first one included. */
export class EventDetailsDto {
  @ApiProperty({ example: '2026-03-14', description: 'Date of the event (YYYY-MM-DD)' })
  @IsCalendarDate('occurredOn')
  occurredOn: string;

  @ApiPropertyOptional({ type: [PartyDto] }) @Optional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PartyDto)
  parties?: PartyDto[];

  @ApiPropertyOptional({ example: 'BE-EXP-2026-0042' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  licenceRef?: string;

  @ApiPropertyOptional({ description: 'End-user certificate or other authorisation' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  authorisationRef?: string;

  @ApiPropertyOptional({ example: 'BEL', description: 'Destination of an export, origin of an import' })
  @Optional() @Transform(upper) @Matches(STATE, { message: 'counterpartState must be an ISO 3166 alpha-3 code' })
  counterpartState?: string;

  @ApiPropertyOptional() @Optional() @IsString() @MaxChars(2000)
  notes?: string;
}

export class RegisterWeaponDto extends EventDetailsDto {
  @ApiProperty({ enum: ORIGIN_EVENTS, description: 'How the weapon enters the registry: its first event' })
  @Transform(trim) @IsIn(ORIGIN_EVENTS, { message: `origin must be one of ${ORIGIN_EVENTS.join(', ')}` })
  origin: OriginEvent;

  @ApiProperty({ example: 'assault_rifle', description: 'Code, name or alias from GET /reference/weapon-types (ITI para 4)' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  type: string;

  @ApiPropertyOptional({ example: 'FN', description: 'Matched to the reference manufacturers through their aliases; kept as given when unknown' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  manufacturer?: string;

  @ApiPropertyOptional({ example: 'FNC' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  model?: string;

  @ApiPropertyOptional({ example: '5.56 NATO' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  calibre?: string;

  @ApiPropertyOptional({ example: '1A23456', description: 'Serial on the frame or receiver, as marked (may be partial)' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  serial?: string;

  @ApiPropertyOptional({ example: 'BEL' }) @Optional() @Transform(upper) @Matches(STATE, { message: 'countryOfManufacture must be an ISO 3166 alpha-3 code' })
  countryOfManufacture?: string;

  @ApiPropertyOptional({ example: 2019 }) @Optional() @IsInt() @Min(EARLIEST_MANUFACTURE_YEAR) @NotAfterThisYear('yearOfManufacture')
  yearOfManufacture?: number;

  @ApiPropertyOptional({ enum: ['in_service', 'government_stock', 'civilian_held'], description: 'Status after a manufactured, imported or imported_temporarily origin (default civilian_held)' })
  @Optional() @Transform(trim) @IsIn(['in_service', 'government_stock', 'civilian_held'], { message: 'status must be in_service, government_stock or civilian_held' })
  status?: WeaponStatus;

  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @MaxChars(200)
  holder?: string;

  @ApiPropertyOptional({ description: 'Whose records these are (manufacturer or dealer); ITI 13' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  custodian?: string;

  @ApiPropertyOptional() @Optional() @IsBoolean()
  craftOr3dPrinted?: boolean;

  @ApiPropertyOptional({
    description: 'ITI 4: an antique or a replica of one, as national law defines them, outside the instrument (the marking rules ask nothing of it); needs a yearOfManufacture of 1899 or before',
  })
  @Optional() @IsBoolean()
  antique?: boolean;

  @ApiPropertyOptional() @Optional() @IsBoolean()
  modular?: boolean;

  @ApiPropertyOptional() @Optional() @IsBoolean()
  serialObliterated?: boolean;

  @ApiPropertyOptional({ type: [MarkingInputDto] })
  @Optional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MarkingInputDto)
  markings?: MarkingInputDto[];
}

/** The description of a weapon as registered, field by field: what a correction of its first event may correct. */
export const DESCRIPTION_FIELDS = [
  'type', 'manufacturer', 'model', 'calibre', 'serial', 'countryOfManufacture', 'yearOfManufacture', 'craftOr3dPrinted', 'antique', 'modular', 'serialObliterated', 'holder',
] as const;
export type DescriptionField = (typeof DESCRIPTION_FIELDS)[number];

/**
 * The description fields a correction may clear (null): a value recorded in error where the right one is not
 * known. The type is always known, and the flags are corrected to false rather than cleared.
 */
export const CLEARABLE_DESCRIPTION_FIELDS = ['manufacturer', 'model', 'calibre', 'serial', 'countryOfManufacture', 'yearOfManufacture', 'holder'] as const;
const FIXED_DESCRIPTION_FIELDS = DESCRIPTION_FIELDS.filter((field) => !(CLEARABLE_DESCRIPTION_FIELDS as readonly string[]).includes(field)) as Exclude<
  DescriptionField, (typeof CLEARABLE_DESCRIPTION_FIELDS)[number]
>[];

/** Null is taken only for the fields a correction may clear (their checks skip it); the others refuse it. */
export class DescriptionCorrectionDto extends IntersectionType(
  PartialType(PickType(RegisterWeaponDto, FIXED_DESCRIPTION_FIELDS), { skipNullProperties: false }),
  PartialType(PickType(RegisterWeaponDto, CLEARABLE_DESCRIPTION_FIELDS)),
) {}

// Shown as nullable in the OpenAPI document (the mapped types keep each field's other metadata).
for (const field of CLEARABLE_DESCRIPTION_FIELDS) ApiPropertyOptional({ nullable: true })(DescriptionCorrectionDto.prototype, field);

/** A description correction as read: a clearable field may be null (cleared). */
export type DescriptionInput = { [F in DescriptionField]?: RegisterWeaponDto[F] | null };

/** The references a correction may clear (the date is always given; parties are cleared with an empty list). */
export const CORRECTED_REFERENCES = ['licenceRef', 'authorisationRef', 'counterpartState'] as const;
export type CorrectedReference = (typeof CORRECTED_REFERENCES)[number];

export class RecordEventDto extends EventDetailsDto {
  @ApiProperty({ enum: EVENT_TYPES.filter((t) => t !== 'manufactured') })
  @Transform(trim) @IsIn(EVENT_TYPES.filter((t) => t !== 'manufactured'), { message: 'type must be an event type other than manufactured (the first event)' })
  type: EventType;

  @ApiPropertyOptional({
    enum: ['in_service', 'government_stock', 'civilian_held', 'deactivated'],
    description: 'Status afterwards, for imported, imported_temporarily and transferred (deactivated: a deactivated weapon changing hands)',
  })
  @Optional() @Transform(trim) @IsIn(['in_service', 'government_stock', 'civilian_held', 'deactivated'], { message: 'statusAfter must be in_service, government_stock, civilian_held or deactivated' })
  statusAfter?: WeaponStatus;

  @ApiPropertyOptional({ description: 'For corrected: the event whose facts (date, parties, references, counterpart State) this one restates' })
  @Optional() @Transform(lower) @IsUUID('all', { message: 'correctsEventId must be a UUID' })
  correctsEventId?: string;

  @ApiPropertyOptional({ description: 'For corrected: the corrected event did not happen (recorded in error); the history reads without it and the status is replayed. occurredOn is then the day the error was established' })
  @Optional() @IsBoolean({ message: 'annuls must be true or false' })
  annuls?: boolean;

  @ApiPropertyOptional({ enum: CORRECTED_REFERENCES, isArray: true, description: 'For corrected: facts of the corrected event recorded in error that have no value; the others not given carry over' })
  @Optional() @IsArray() @ArrayMaxSize(3) @IsIn(CORRECTED_REFERENCES, { each: true, message: `clears must list some of ${CORRECTED_REFERENCES.join(', ')}` })
  clears?: CorrectedReference[];

  @ApiPropertyOptional({
    type: () => DescriptionCorrectionDto,
    description: 'For corrected, of the record\'s first event: the description recorded in error, the fields given replacing those recorded (a serial mistyped, a wrong model...); '
      + `null clears one of ${CLEARABLE_DESCRIPTION_FIELDS.join(', ')} (recorded in error, the right value not known). The rules are judged again; the correction keeps each change, from → to (null when cleared)`,
  })
  @Optional() @IsObject({ message: 'description must be an object of the fields to correct' }) @ValidateNested() @Type(() => DescriptionCorrectionDto)
  description?: DescriptionCorrectionDto;

  @ApiPropertyOptional({
    type: [String],
    description: 'For corrected: markings of this weapon recorded in error (misread, mistyped), by id. They stay on the record as withdrawn by this correction and no longer count for the rules or the serial search; the right reading goes in markings',
  })
  @Optional() @Transform(lowerEach) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique({ message: 'withdrawsMarkings must not repeat a marking' })
  @IsUUID('all', { each: true, message: 'withdrawsMarkings must list marking ids (UUIDs)' })
  withdrawsMarkings?: string[];

  @ApiPropertyOptional({ description: 'For custody_transferred: the new custodian of the records' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  custodian?: string;

  @ApiPropertyOptional({ type: [MarkingInputDto], description: 'Markings applied with the event (import, transfer, seizure...)' })
  @Optional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MarkingInputDto)
  markings?: MarkingInputDto[];
}

/** GET /weapons: every record that passes the filters, oldest first, a page at a time (a search ranks the best 100 at most). */
export class ListWeaponsQueryDto extends IntersectionType(PageQueryDto, WeaponFiltersDto) {
  @ApiPropertyOptional({ enum: WEAPON_STATUSES }) @Optional() @IsIn(WEAPON_STATUSES, { message: `status must be one of ${WEAPON_STATUSES.join(', ')}` })
  status?: WeaponStatus;

  // In a query string the years arrive as text (a JSON body gives numbers: no conversion there).
  @Type(() => Number) override yearFrom?: number;
  @Type(() => Number) override yearTo?: number;
}

export class LegalHoldDto {
  @ApiProperty({ example: 'Court order 2026/118' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(500)
  reason: string;
}

export class LegalHoldParamsDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'holdId must be a UUID' })
  holdId: string;
}

export class CustodyTransferDto {
  @ApiProperty({ example: 'Acme Arms Ltd', description: 'The closing manufacturer or dealer, as recorded in custodian' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  fromCustodian: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsCalendarDate('occurredOn')
  occurredOn: string;

  @ApiPropertyOptional({ example: 'Company dissolved; records handed to the national firearms authority' })
  @Optional() @IsString() @MaxChars(2000)
  notes?: string;
}

export type { EventType, MarkingKind };
