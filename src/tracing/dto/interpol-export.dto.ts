import { ApiProperty } from '@nestjs/swagger';

/** A photo of the markings in the export, its bytes in base64 (docs/interpol-export.md). */
export class InterpolExportPhotoDto {
  @ApiProperty({ type: String, nullable: true }) component: string | null;
  @ApiProperty({ type: String, nullable: true }) caption: string | null;
  @ApiProperty({ enum: ['image/jpeg', 'image/png'] }) mediaType: string;
  @ApiProperty({ description: 'SHA-256 of the bytes (hex)' }) sha256: string;
  @ApiProperty() size: number;
  @ApiProperty() dataBase64: string;
}

/** The request as a JSON document for INTERPOL's channels: docs/interpol-export.md says what each field means. */
export class InterpolExportDto {
  @ApiProperty({ enum: ['iti-trace/trace-request'] }) format: string;
  @ApiProperty({ example: 3 }) formatVersion: number;
  @ApiProperty({ description: 'The exchange id, the same in both States\' systems' }) requestId: string;
  @ApiProperty() generatedAt: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ description: 'SHA-256 (hex) printed on the request form; see docs/interpol-export.md for what it covers' }) contentSha256: string;
  @ApiProperty({ type: Object, description: 'The request as sent (requestingState, requestedState, weaponObserved...)' }) request: Record<string, unknown>;
  @ApiProperty({ type: Object, nullable: true, description: 'Fields of the case file the request discloses, or null' }) disclosedCaseInformation: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) followsUp: string[];
  @ApiProperty({ type: [InterpolExportPhotoDto] }) photos: InterpolExportPhotoDto[];
}
