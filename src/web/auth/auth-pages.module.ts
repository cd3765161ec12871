import { Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module.js';
import { AuthPagesController } from './auth-pages.controller.js';

@Module({ imports: [IdentityModule], controllers: [AuthPagesController] })
export class AuthPagesModule {}
