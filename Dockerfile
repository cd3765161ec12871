# One image, two roles: APP_ROLE=api or APP_ROLE=worker (docker-compose.yml runs both).

# Node.js 26, the Active LTS line (20 reached end of life on 2026-04-30; 24 is in maintenance): the
# unit and integration tiers pass on it, and CI runs them on it (.ci/run, NODE_LTS_MAJOR).
ARG NODE_IMAGE=node:26-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY libs ./libs
COPY bench ./bench
RUN npx tsc -p tsconfig.build.json \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The pages' stylesheet and script are read from the source tree at start (src/web/http/web-assets.ts).
COPY --from=build --chown=node:node /app/src/web/assets ./src/web/assets
USER node
EXPOSE 3000
# The slim image has no curl; Node's fetch asks /health (liveness) instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
