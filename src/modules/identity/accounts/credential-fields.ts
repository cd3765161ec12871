import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/credentials.js';

type Optionality = { readonly optional?: boolean };

const documented = (optional: boolean | undefined, options: Parameters<typeof ApiProperty>[0]) =>
  optional ? applyDecorators(ApiPropertyOptional(options), IsOptional()) : ApiProperty(options);

/** An email as registration takes it, and as a change of email does: one rule, one message. */
export const EmailField = ({ optional }: Optionality = {}): PropertyDecorator =>
  applyDecorators(
    documented(optional, { example: 'penguin@example.org' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: 'email must be an email address' }),
  );

/** A password being chosen, at registration or in a change of password. */
export const NewPasswordField = ({ optional }: Optionality = {}): PropertyDecorator =>
  applyDecorators(
    documented(optional, {
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
      format: 'password',
    }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
    MaxLength(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` }),
  );
