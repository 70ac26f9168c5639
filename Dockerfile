# adcenter in a container: the sandbox on port 8080, its SQLite store in the /data volume.
#   docker build -t adcenter .
#   docker run -p 8080:8080 -v adcenter-data:/data adcenter
#   docker exec <container> adcenter token --data /data
# Every option of `adcenter serve` is also an ADCENTER_* variable (docker run -e ADCENTER_ENVIRONMENT=production).

# Build: all dependencies (TypeScript; a compiler for the SQLite driver when no prebuilt binary fits), then
# the server is compiled and the development dependencies dropped.
FROM node:20-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/client/package.json ./packages/client/
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
# adcenter-client (the npm workspace the CLI's API commands use) is built first.
COPY packages/client ./packages/client
RUN npm run build --workspace adcenter-client
COPY tsconfig.json ./
COPY src ./src
COPY schemas ./schemas
RUN npx tsc -p tsconfig.json && chmod +x dist/src/cli/main.js && npm prune --omit=dev --ignore-scripts

# Run: production dependencies and the compiled server only, as the unprivileged node user.
FROM node:20-slim
ENV NODE_ENV=production ADCENTER_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/schemas ./schemas
# node_modules/adcenter-client links here (a workspace).
COPY --from=build /app/packages/client/package.json ./packages/client/
COPY --from=build /app/packages/client/dist ./packages/client/dist
RUN ln -s /app/dist/src/cli/main.js /usr/local/bin/adcenter && mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:'+process.env.ADCENTER_PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["adcenter"]
CMD ["serve", "--host", "0.0.0.0", "--data", "/data"]
