import { DiscoveryFilmsRequest } from '../discovery-films.request.js';

/** The query string of GET /films/trending: the film filters and a page, no period (the week is the trend's). */
export class TrendingFilmsRequest extends DiscoveryFilmsRequest {}
