import { Get } from '@nestjs/common';
import { WebPages, view } from '../http/web-page.js';
import { HomeView } from './home-views.js';

@WebPages()
export class HomePagesController {
  @Get()
  home() {
    return view(HomeView, {});
  }
}
