# syntax=docker/dockerfile:1
# osteo-cds — multi-stage production image on the current Node LTS.
#   docker build -t osteo-cds .
#   docker run --rm -p 3000:3000 -v osteo-cds-data:/app/data osteo-cds
#
# The base image is pinned by digest (node:24-bookworm-slim, Node 24.18.0 when pinned), so a
# rebuild gets the same base; bump the digest deliberately for Node security releases.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# ---- build: compiler tools for better-sqlite3 (native), install, compile, prune ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The overview app (/app/): bundled for the browser by scripts/build-app.mjs into dist/app.
COPY app ./app
COPY scripts/build-app.mjs ./scripts/
# Data files under src/ (e.g. terminology JSON) are copied next to the compiled modules that read them.
RUN npm run build \
 && find src -name '*.json' -exec cp --parents {} dist/ \; \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---- runtime: slim, no compilers, non-root ----
FROM ${NODE_IMAGE} AS runtime
# Keep in step with package.json's version (a test checks it).
ARG VERSION=2.0.0
LABEL org.opencontainers.image.title="osteo-cds" \
      org.opencontainers.image.description="CDS Hooks 2.0 service for the Danish general-practice osteoporosis guideline (DSAM card, April 2025 ver. 3)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="UNLICENSED" \
      org.opencontainers.image.base.name="docker.io/library/node:24-bookworm-slim"
# Production defaults: no preview page (CDS_PREVIEW=on to ask for it), and a shutdown that ends
# within docker stop's default 10 s: 2 s of draining (/readyz 503) + 6 s for running requests.
# Orchestrators with a longer grace (Kubernetes: 30 s) set longer periods (deploy/kubernetes).
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    CDS_FEEDBACK_DB=/app/data/feedback.sqlite \
    CDS_PREVIEW=off \
    CDS_DRAIN_MS=2000 \
    CDS_SHUTDOWN_GRACE_MS=6000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json cds-services.json ./
COPY guideline ./guideline
# The card preview page (/) and its synthetic fixture patients, served only with CDS_PREVIEW=on.
COPY public ./public
COPY fixtures ./fixtures
COPY bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself (draining and graceful shutdown in src/main.ts).
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
