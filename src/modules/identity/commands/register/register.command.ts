import { Command } from '@nestjs/cqrs';
import type { Position } from '#event-store';

export interface RegisteredMember {
  readonly user: { readonly id: string; readonly username: string };
  readonly accessToken: string;
  readonly position: Position;
}

export class RegisterMember extends Command<RegisteredMember> {
  constructor(
    readonly username: string,
    readonly email: string | null,
    readonly password: string,
    readonly correlationId?: string,
  ) {
    super();
  }
}
