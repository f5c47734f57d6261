import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsJWT, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { ROLES, Role } from '../../common/auth/auth-user';

export class LoginDto {
  @ApiProperty({ example: 'fra.officer' }) @IsString() @IsNotEmpty() @MaxChars(64)
  username: string;

  // A password is hashed, never stored as text: counted as it was when it was set (class-validator's MaxLength).
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @IsNotEmpty() @MaxLength(256)
  password: string;
}

/** Enrolling a second factor: the account's password, asked again. */
export class MfaEnrollDto extends PickType(LoginDto, ['password'] as const) {}

export class MfaLoginDto {
  @ApiProperty({ description: 'mfaToken from POST /auth/login' }) @IsJWT({ message: 'mfaToken must be the token returned by login' })
  mfaToken: string;

  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' })
  code: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' })
  code: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxChars(200)
  refreshToken: string;
}

export class TokensDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'The account must enrol MFA before it can do anything else' }) mfaEnrollmentRequired: boolean;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'True: send the mfaToken and a TOTP code to POST /auth/mfa' }) mfaRequired: boolean;
  @ApiPropertyOptional() mfaToken?: string;
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional() tokenType?: 'Bearer';
  @ApiPropertyOptional() expiresIn?: number;
  @ApiPropertyOptional() mfaEnrollmentRequired?: boolean;
}

export class MfaEnrollmentDto {
  @ApiProperty({ description: 'Base32 TOTP secret, to type into an authenticator app' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URI, to show as a QR code' }) otpauthUri: string;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'FRA' }) stateCode: string;
  @ApiProperty({ example: 'France' }) stateName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: String, nullable: true }) agency: string | null;
  @ApiProperty() mfaEnabled: boolean;
  @ApiProperty({ description: 'MFA is required for this account' }) mfaRequired: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) sessionExpiresAt: string;
}
