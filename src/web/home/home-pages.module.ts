import { Module } from '@nestjs/common';
import { HomePagesController } from './home-pages.controller.js';

/** The home page: a welcome, or the signed-in reader's feed of the members they follow. */
@Module({ controllers: [HomePagesController] })
export class HomePagesModule {}
