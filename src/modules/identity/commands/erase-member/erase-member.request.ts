import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../domain/credentials.js';

export class EraseMemberRequest {
  // Optional here so that a missing password is the contract's 403, like a wrong one.
  @ApiPropertyOptional({ format: 'password', description: 'The password in use now; erasure needs it' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}
