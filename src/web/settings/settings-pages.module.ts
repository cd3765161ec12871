import { Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module.js';
import { SettingsPagesController } from './settings-pages.controller.js';

/** The member's own account: email, password, sessions. */
@Module({ imports: [IdentityModule], controllers: [SettingsPagesController] })
export class SettingsPagesModule {}
