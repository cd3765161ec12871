import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PLAN_VISIBILITIES, type PlanVisibility } from '../../../domain/plan.events.js';

export class ChangePlanVisibilityRequest {
  @ApiProperty({
    enum: PLAN_VISIBILITIES,
    description: 'private: the member alone; friends: also the members they follow; public: everyone',
  })
  @IsIn(PLAN_VISIBILITIES, { message: `visibility must be one of ${PLAN_VISIBILITIES.join(', ')}` })
  visibility!: PlanVisibility;
}
