# actorgraph: build the one binary, run it on a small image without a shell.
# docker compose up builds it (see docker-compose.yml).

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
USER nonroot:nonroot
WORKDIR /home/nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/actorgraph"]
CMD ["serve", "--addr", "0.0.0.0:8080", "--store", "neo4j://neo4j:7687"]
