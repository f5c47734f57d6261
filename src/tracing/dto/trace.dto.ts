import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested, IsObject,
} from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { SingleLine } from '../../common/http/single-line';
import { IsCalendarDate, IsDateTime, NotAfterThisYear } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { PageQueryDto } from '../../common/http/pagination';
import { lower, trim, upper } from '../../common/http/transforms';
import { CASE_FIELDS } from '../../cases/cases.constants';
import { COMPONENTS, EARLIEST_MANUFACTURE_YEAR } from '../../registry/registry.constants';
import {
  CHANNELS, CLASSIFICATIONS, CLOSE_REASONS, HANDLING_CODES, ILLICIT_BASES, OUTCOMES, PRIORITIES, REASON_CODES, TRACE_DIRECTIONS, TRACE_STATUSES,
} from '../tracing.constants';

const STATE = /^[A-Z]{3}$/;
const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

export class ObservedMarkingDto {
  @ApiProperty({ enum: COMPONENTS }) @IsIn(COMPONENTS, oneOf('component', COMPONENTS))
  component: string;

  @ApiProperty({ example: 'GLOCK AUSTRIA BXR123' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(500)
  text: string;
}

export class ObservedWeaponDto {
  @ApiPropertyOptional({ example: 'self-loading pistol' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  type?: string;

  @ApiPropertyOptional({ example: '9mm Luger' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  calibre?: string;

  @ApiPropertyOptional({ example: 'Glock' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  make?: string;

  @ApiPropertyOptional({ example: '17' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  model?: string;

  @ApiPropertyOptional({ example: 'BXR123' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  serial?: string;

  @ApiPropertyOptional({ default: false, description: 'The serial is obliterated; give what could be read in serialReadable' })
  @Optional() @IsBoolean()
  serialObliterated?: boolean;

  @ApiPropertyOptional({ example: 'BX?12*', description: '`?` one unreadable character, `*` an unreadable run' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  serialReadable?: string;

  @ApiPropertyOptional({ example: 'AUT' }) @Optional() @Transform(upper) @Matches(STATE, { message: 'countryOfManufacture must be an ISO 3166 alpha-3 code' })
  countryOfManufacture?: string;

  @ApiPropertyOptional({ example: 2015 }) @Optional() @IsInt() @Min(EARLIEST_MANUFACTURE_YEAR) @NotAfterThisYear('yearOfManufacture')
  yearOfManufacture?: number;

  @ApiProperty({ type: [ObservedMarkingDto], description: 'Every marking read on the weapon, at least one' })
  @IsArray() @ArrayMinSize(1, { message: 'markings must list at least one marking as read' }) @ArrayMaxSize(30)
  @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ObservedMarkingDto)
  markings: ObservedMarkingDto[];

  @ApiPropertyOptional({ type: [String], description: 'References of photos of each marking' })
  @Optional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxChars(500, { each: true })
  photoRefs?: string[];
}

export class RecoveryDto {
  @ApiProperty({ example: '2026-10-02' }) @IsCalendarDate('date')
  date: string;

  @ApiProperty({ example: 'Marseille, port of La Joliette' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(300)
  place: string;

  @ApiProperty({ example: 'Seized during a search of a vehicle' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(4000)
  context: string;
}

export class OnBehalfOfDto {
  @ApiProperty({ enum: ['un_mission', 'regional_organisation'] })
  @IsIn(['un_mission', 'regional_organisation'], oneOf('kind', ['un_mission', 'regional_organisation']))
  kind: 'un_mission' | 'regional_organisation';

  @ApiProperty({ example: 'MINUSCA' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  organisation: string;

  @ApiProperty({ example: 'CAF/MJ/2026-114', description: "The host State's consent to this request" })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  consentReference: string;

  @ApiProperty({ example: '2026-10-05' }) @IsCalendarDate('consentGivenOn')
  consentGivenOn: string;
}

export class BallisticsDto {
  @ApiProperty({ example: 'IBIN' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  database: string;

  @ApiProperty({ example: 'FR-2026-000731' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  recordNumber: string;

  @ApiProperty({ description: 'Whether the ballistic data itself may be exchanged' }) @IsBoolean()
  exchangeable: boolean;
}

export class CreateTraceDto {
  @ApiPropertyOptional({ example: 'AUT', description: 'The State asked. Default with weaponId: the country of import of its import marking, else its country of manufacture' })
  @Optional() @Transform(upper) @Matches(STATE, { message: 'requestedState must be an ISO 3166 alpha-3 code' })
  requestedState?: string;

  @ApiPropertyOptional({ description: 'A weapon of your registry: the observed weapon is prefilled from it' })
  @Optional() @Transform(lower) @IsUUID('all', { message: 'weaponId must be a UUID' })
  weaponId?: string;

  @ApiProperty({ example: 'Police judiciaire, Marseille' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  requestingAuthority: string;

  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS, oneOf('channel', CHANNELS))
  channel: string;

  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES, oneOf('priority', PRIORITIES))
  priority: string;

  @ApiPropertyOptional({ description: 'Required when priority is urgent' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(2000)
  urgentJustification?: string;

  @ApiProperty({ enum: ILLICIT_BASES, isArray: true, description: 'ITI para 6: at least one' })
  @IsArray() @ArrayMinSize(1, { message: 'illicitBasis must name at least one ITI para 6 criterion' }) @ArrayMaxSize(ILLICIT_BASES.length) @ArrayUnique()
  @IsIn(ILLICIT_BASES, { each: true, ...oneOf('illicitBasis', ILLICIT_BASES) })
  illicitBasis: string[];

  @ApiProperty({ example: 'Code pénal, art. 222-52; seizure order 2026/118' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(4000)
  legalJustification: string;

  @ApiProperty({ type: RecoveryDto }) @IsObject() @ValidateNested() @Type(() => RecoveryDto)
  recovery: RecoveryDto;

  @ApiProperty({ example: 'Criminal investigation into arms trafficking' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(2000)
  intendedUse: string;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS, default: 'restricted' }) @Optional() @IsIn(CLASSIFICATIONS, oneOf('classification', CLASSIFICATIONS))
  classification?: string;

  @ApiPropertyOptional({ default: true }) @Optional() @IsBoolean()
  confidentialityRequested?: boolean;

  @ApiPropertyOptional({ enum: HANDLING_CODES, isArray: true, default: ['law_enforcement_only'] })
  @Optional() @IsArray() @ArrayMaxSize(HANDLING_CODES.length) @ArrayUnique() @IsIn(HANDLING_CODES, { each: true, ...oneOf('useRestrictions', HANDLING_CODES) })
  useRestrictions?: string[];

  @ApiPropertyOptional({ type: ObservedWeaponDto, description: 'Required unless weaponId is given' })
  @Optional() @IsObject() @ValidateNested() @Type(() => ObservedWeaponDto)
  weapon?: ObservedWeaponDto;

  @ApiPropertyOptional({ type: OnBehalfOfDto, description: 'A UN mission or regional organisation asking on behalf of your State, with its consent' })
  @Optional() @IsObject() @ValidateNested() @Type(() => OnBehalfOfDto)
  onBehalfOf?: OnBehalfOfDto;

  @ApiPropertyOptional({ type: BallisticsDto }) @Optional() @IsObject() @ValidateNested() @Type(() => BallisticsDto)
  ballistics?: BallisticsDto;

  @ApiPropertyOptional({ description: 'A case file of your State this request relates to (you must be one of its members); the link itself never leaves your State' })
  @Optional() @Transform(lower) @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ enum: CASE_FIELDS, isArray: true, default: [], description: 'The fields of the case that go with the request: only these leave your State' })
  @Optional() @IsArray() @ArrayMaxSize(CASE_FIELDS.length) @ArrayUnique() @IsIn(CASE_FIELDS, { each: true, ...oneOf('disclose', CASE_FIELDS) })
  disclose?: string[];
}

export class PhotoQueryDto {
  @ApiPropertyOptional({ enum: COMPONENTS }) @Optional() @IsIn(COMPONENTS, oneOf('component', COMPONENTS))
  component?: string;

  @ApiPropertyOptional({ example: 'Serial on the left side of the receiver', description: 'One line, at most 300 characters' })
  @Optional() @Transform(trim) @IsString() @MaxChars(300) @SingleLine()
  caption?: string;
}

export class PhotoParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'photoId must be a UUID' })
  photoId: string;
}

/** Every field may be left out; null is refused, except where it clears an optional part. */
export class UpdateTraceDto extends PartialType(OmitType(CreateTraceDto, ['weaponId', 'urgentJustification', 'onBehalfOf', 'ballistics'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(2000)
  urgentJustification?: string | null;

  @ApiPropertyOptional({ type: OnBehalfOfDto, nullable: true, description: 'null clears it' }) @IsOptional() @IsObject() @ValidateNested() @Type(() => OnBehalfOfDto)
  onBehalfOf?: OnBehalfOfDto | null;

  @ApiPropertyOptional({ type: BallisticsDto, nullable: true, description: 'null clears it' }) @IsOptional() @IsObject() @ValidateNested() @Type(() => BallisticsDto)
  ballistics?: BallisticsDto | null;
}

export class ReasonDto {
  @ApiProperty({ example: 'The legal justification does not name the seizure order' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(4000)
  text: string;
}

export class ChainLinkDto {
  @ApiProperty({ example: 'exported' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(40)
  event: string;

  @ApiPropertyOptional({ example: '2019-03-01' }) @Optional() @IsCalendarDate('date')
  date?: string;

  @ApiPropertyOptional({ example: 'AUT' }) @Optional() @Transform(upper) @Matches(STATE, { message: 'state must be an ISO 3166 alpha-3 code' })
  state?: string;

  @ApiPropertyOptional({ example: 'FRA' }) @Optional() @Transform(upper) @Matches(STATE, { message: 'counterpartState must be an ISO 3166 alpha-3 code' })
  counterpartState?: string;

  @ApiPropertyOptional({ example: 'EXP-2019-0042' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  licenceRef?: string;

  @ApiPropertyOptional({ example: 'Armes de France SARL' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  party?: string;
}

export class AnswerTraceDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES, oneOf('outcome', OUTCOMES))
  outcome: string;

  @ApiPropertyOptional({ enum: REASON_CODES, description: 'Required unless the outcome is full' })
  @Optional() @IsIn(REASON_CODES, oneOf('reasonCode', REASON_CODES))
  reasonCode?: string;

  @ApiPropertyOptional({ description: 'Required unless the outcome is full' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(4000)
  reasonText?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Required when the outcome is delayed' })
  @Optional() @IsCalendarDate('expectedDate')
  expectedDate?: string;

  @ApiProperty() @IsBoolean()
  recordFound: boolean;

  @ApiPropertyOptional({ description: 'A weapon of your registry: the chain, last legal holder and next State are prefilled from its history' })
  @Optional() @Transform(lower) @IsUUID('all', { message: 'weaponId must be a UUID' })
  weaponId?: string;

  @ApiPropertyOptional({ type: [ChainLinkDto] }) @Optional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ChainLinkDto)
  chain?: ChainLinkDto[];

  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(300)
  lastLegalHolder?: string;

  @ApiPropertyOptional({ example: 'FRA', description: 'The next State to ask' })
  @Optional() @Transform(upper) @Matches(STATE, { message: 'nextState must be an ISO 3166 alpha-3 code' })
  nextState?: string;

  @ApiPropertyOptional({ enum: HANDLING_CODES, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(HANDLING_CODES.length) @ArrayUnique() @IsIn(HANDLING_CODES, { each: true, ...oneOf('useRestrictions', HANDLING_CODES) })
  useRestrictions?: string[];

  @ApiPropertyOptional({
    enum: CLASSIFICATIONS,
    description: 'The answer\'s classification: at least the request\'s and that of the answer it follows (the default), higher where what it reports is more sensitive',
  })
  @Optional() @IsIn(CLASSIFICATIONS, oneOf('classification', CLASSIFICATIONS))
  classification?: string;
}

/** What a requested State not hosted on this node sent outside the system: when it came, how, under which reference. */
export class ReceivedOutsideDto {
  @ApiProperty({ example: '2026-11-20T09:30:00Z', description: 'When it was received, with its time and offset (the reports count hours from sending): not before the request was sent, not in the future' })
  @IsDateTime('receivedAt')
  receivedAt: string;

  @ApiProperty({ enum: CHANNELS, description: 'How it came: direct (from the NPC, by e-mail or letter), interpol or diplomatic' })
  @IsIn(CHANNELS, oneOf('via', CHANNELS))
  via: string;

  @ApiPropertyOptional({ example: 'INTERPOL 2026/4411', description: 'Its reference: a message number, a note verbale' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  reference?: string;
}

/** A question the requested State asked outside the system, as it came. */
export class RecordInformationRequestDto extends IntersectionType(ReasonDto, ReceivedOutsideDto) {}

/** An answer received outside the system, as the requested State gave it (the requester holds none of its records). */
export class RecordAnswerDto extends IntersectionType(OmitType(AnswerTraceDto, ['weaponId'] as const), ReceivedOutsideDto) {}

export class CloseTraceDto {
  @ApiProperty({ enum: CLOSE_REASONS }) @IsIn(CLOSE_REASONS, oneOf('reason', CLOSE_REASONS))
  reason: string;

  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @MaxChars(4000)
  note?: string;
}

/** A request never sent is withdrawn with a note, at most: its reason is `withdrawn`. */
export class WithdrawTraceDto extends PickType(CloseTraceDto, ['note'] as const) {}

export class FollowUpDto {
  @ApiPropertyOptional({ example: 'FRA', description: 'Default: the next State named by the answer' })
  @Optional() @Transform(upper) @Matches(STATE, { message: 'requestedState must be an ISO 3166 alpha-3 code' })
  requestedState?: string;

  @ApiPropertyOptional({ default: true, description: 'Tell the next State what the answer reported. Refused (403 RESTRICTED_INFORMATION) when the answer is marked no_onward_disclosure' })
  @Optional() @IsBoolean()
  carryAnswer?: boolean;
}

export class ListTracesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRACE_DIRECTIONS }) @Optional() @IsIn(TRACE_DIRECTIONS, oneOf('direction', TRACE_DIRECTIONS))
  direction?: string;

  @ApiPropertyOptional({ enum: TRACE_STATUSES }) @Optional() @IsIn(TRACE_STATUSES, oneOf('status', TRACE_STATUSES))
  status?: string;
}

export class TraceIdParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
