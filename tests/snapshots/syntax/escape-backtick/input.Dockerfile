# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Write-Host hello; `
    New-Item -ItemType Directory C:\app
COPY . C:\app\
WORKDIR C:\app
RUN echo ``
RUN echo last
