# actorgraph: build the one binary, run it on a small image without a shell.
# docker compose up builds it (see docker-compose.yml).

# The web page's assets, from web/package.json and its lockfile.
FROM node:20 AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so a code change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Pure Go (the SQLite driver too), so a static binary runs anywhere.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/actorgraph ./cmd/actorgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/actorgraph /usr/local/bin/actorgraph
COPY --from=web /web/dist /usr/share/actorgraph/web
ENV ACTORGRAPH_WEB_DIR=/usr/share/actorgraph/web
USER nonroot:nonroot
WORKDIR /home/nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/actorgraph"]
CMD ["serve", "--addr", "0.0.0.0:8080", "--store", "neo4j://neo4j:7687"]
