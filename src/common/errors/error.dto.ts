import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One field of a request and what is wrong with it (FieldError). */
export class FieldErrorDto {
  @ApiProperty({ example: 'weapon.serial' }) field: string;
  @ApiProperty({ type: [String], example: ['serial must be shorter than or equal to 64 characters'] }) messages: string[];
}

/** Every error the API answers, whatever its status (ErrorBody, HttpErrorFilter). */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ description: 'Stable code a client can act on', example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ description: 'Safe to show; repeats none of the confidential content of the request', example: 'Invalid request: weapon.serial' }) message: string;
  @ApiPropertyOptional({
    description: 'A 400 names each field and what is wrong with it; other errors may add what the client needs to act (the current version, the status that refused a transition...)',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldErrorDto) } }, { type: 'object', additionalProperties: true }],
  })
  details?: FieldErrorDto[] | Record<string, unknown>;
  @ApiProperty({ description: 'The id of the request in the service\'s log', example: '01937c2e-7a4b-7c1d-9f0e-3b2a1c0d9e8f' }) requestId: string;
}
