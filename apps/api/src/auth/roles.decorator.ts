import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '../database';

export const ROLES_KEY = 'ir:roles';
export const PUBLIC_KEY = 'ir:public';

/** Which roles may call this resolver or route. Without it (or @Public) every call is refused. */
export const Roles = (...roles: [UserRole, ...UserRole[]]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, logged in or not (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
