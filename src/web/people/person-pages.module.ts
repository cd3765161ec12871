import { Module } from '@nestjs/common';
import { PersonPagesController } from './person-pages.controller.js';

/** A person's page: the films they directed and act in, each a link to its page. */
@Module({ controllers: [PersonPagesController] })
export class PersonPagesModule {}
