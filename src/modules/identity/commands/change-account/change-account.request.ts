import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EmailField, NewPasswordField } from '../../accounts/credential-fields.js';
import { MAX_PASSWORD_LENGTH } from '../../domain/credentials.js';

export class ChangeAccountRequest {
  @ApiProperty({ format: 'password', description: 'The password in use now; every change needs it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @EmailField({ optional: true })
  email?: string;

  @NewPasswordField({ optional: true })
  password?: string;
}
