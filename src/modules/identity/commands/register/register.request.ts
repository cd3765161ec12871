import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { EmailField, NewPasswordField } from '../../accounts/credential-fields.js';
import { USERNAME_PATTERN } from '../../domain/credentials.js';

export class RegisterRequest {
  @ApiProperty({ example: 'filmlovepenguin', pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3 to 30 letters, digits or underscores' })
  username!: string;

  @EmailField()
  email!: string;

  @NewPasswordField()
  password!: string;
}
