# The command line (sim, sweep, claims, merge) in an image, for the cluster jobs in deploy/.
#   docker build -t commons-ledger:0.1.0 .
#   docker run --rm -v "$PWD/runs:/app/runs" commons-ledger:0.1.0 claims -- scenarios/mixed.yaml --shard 0/4 --out runs/shards/0
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Build the worker pool's engine bundle now, so no pod spends its first seconds on it.
RUN node --import tsx -e "await (await import('./src/cli/engine-bundle.ts')).replicateWorkerBundle()"
ENTRYPOINT ["npm", "run", "--silent"]
CMD ["sim", "--", "--help"]
