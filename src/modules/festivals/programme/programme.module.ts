import { Module } from '@nestjs/common';

/** A festival's programme: festivals, editions, strands, selections and screenings (reference data). */
@Module({})
export class ProgrammeModule {}
