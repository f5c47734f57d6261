import { AuthSessionEntity } from '../auth/entities/auth-session.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { ContactPointEntity } from '../states/entities/contact-point.entity';
import { StateEntity } from '../states/entities/state.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every entity of the schema; migrations are generated from this list. */
export const entities = [StateEntity, ContactPointEntity, UserEntity, AuthSessionEntity, RefreshTokenEntity];
