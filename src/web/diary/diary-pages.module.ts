import { Module } from '@nestjs/common';
import { DiaryPagesController } from './diary-pages.controller.js';

/** The diary's forms; the diary itself is a tab of the member's profile. */
@Module({ controllers: [DiaryPagesController] })
export class DiaryPagesModule {}
