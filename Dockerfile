# syntax=docker/dockerfile:1
# Ennakko as a container: build once (TypeScript -> dist/, Prisma client generated), run plain node.
# Build: docker build -t ennakko .   Run: see compose.yaml (PostgreSQL) or README "Deploy".

# --- build: full dependencies, compile ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime dependencies only ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: no compiler, no sources, owned by root and read-only to the bot ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY package.json ./
# The embedded database, its lock and scheduled backups live under DATA_DIR: the one writable place,
# so the container runs with a read-only root filesystem (compose: read_only: true; tmpfs /tmp).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The image's own unprivileged user (uid 1000), never root.
USER node
EXPOSE 3978
# Liveness only: /readyz is for load balancers (it fails while the database is away, and a
# restart would not bring the database back).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1's child-free main process: SIGTERM from `docker stop` reaches the bot directly.
CMD ["node", "dist/main.js"]
