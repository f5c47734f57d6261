import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength,
} from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { Role, ROLES } from '../../common/auth/auth-user';
import { Optional } from '../../common/http/optional';
import { UserEntity } from '../entities/user.entity';
import { lower, trim } from '../../common/http/transforms';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export class CreateUserDto {
  @ApiProperty({ example: 'fra.officer2', description: 'Login name: 3–64 of a-z 0-9 . _ -' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3 to 64 characters of a-z, 0-9, dot, underscore or dash' })
  username: string;

  @ApiProperty({ example: 'Jeanne Martin' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  displayName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Any characters; no composition rules' })
  // Hashed, never stored as text: class-validator's count, as the login's.
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['officer'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(ROLES.length) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ example: 'jeanne.martin@interieur.gouv.fr' })
  @IsOptional() @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxChars(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Gendarmerie nationale' })
  @IsOptional() @Transform(trim) @IsString() @MaxChars(200)
  agency?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Optional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(ROLES.length) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional() @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxChars(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional() @Transform(trim) @IsString() @MaxChars(200)
  agency?: string | null;

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions; false enables it again (for new logins)' })
  @Optional() @IsBoolean()
  disabled?: boolean;
}

/** What an admin resets of another account: a new password, its MFA (to enrol again), its lockout. One at least. */
export class ResetCredentialsDto {
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'A new password, to hand to the user; the account\'s sessions end' })
  @Optional() @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    description: 'true: MFA is reset (a lost device) and the account\'s sessions end; a user whose role requires MFA (MFA_REQUIRED_ROLES) enrols again at the next login, another may',
  })
  @Optional() @IsBoolean()
  mfa?: boolean;

  @ApiPropertyOptional({ description: 'true: the lockout after failed logins ends, and the count starts again' })
  @Optional() @IsBoolean()
  unlock?: boolean;
}

/** A reset of credentials as an admin asks for it: with the admin's own password, which a stolen access token does not give. */
export class AdminResetCredentialsDto extends ResetCredentialsDto {
  @ApiProperty({ description: 'The acting admin\'s own password (a wrong one counts toward the admin\'s lockout)' })
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  adminPassword: string;
}

export class UserIdParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'FRA' }) stateCode: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) agency: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() mfaEnabled: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ description: 'Locked after repeated failed logins' }) locked: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;

  static from(user: UserEntity, now: Date): UserDto {
    return Object.assign(new UserDto(), {
      id: user.id,
      stateCode: user.stateCode,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      agency: user.agency,
      roles: user.roles,
      mfaEnabled: user.mfaEnabledAt !== null,
      disabled: user.disabledAt !== null,
      locked: user.lockedUntil !== null && user.lockedUntil > now,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    });
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
