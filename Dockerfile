# syntax=docker/dockerfile:1
# osteo-cds — multi-stage image on the current Node LTS.
#   docker build -t osteo-cds .
#   docker run --rm -p 3000:3000 -v osteo-cds-data:/app/data osteo-cds

# ---- build: compiler tools for better-sqlite3 (native), install, compile, prune ----
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Data files under src/ (e.g. terminology JSON) are copied next to the compiled modules that read them.
RUN npm run build \
 && find src -name '*.json' -exec cp --parents {} dist/ \; \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---- runtime: slim, no compilers, non-root ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    CDS_FEEDBACK_DB=/app/data/feedback.sqlite
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json cds-services.json ./
COPY guideline ./guideline
# The card preview page (/) and its synthetic fixture patients; CDS_PREVIEW=off turns them off.
COPY public ./public
COPY fixtures ./fixtures
COPY bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself (graceful shutdown in src/main.ts).
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
