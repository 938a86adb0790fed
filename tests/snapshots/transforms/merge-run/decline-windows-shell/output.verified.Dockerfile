FROM debian:bookworm-slim
SHELL ["pwsh", "-Command"]
RUN Write-Host one
RUN Write-Host two
