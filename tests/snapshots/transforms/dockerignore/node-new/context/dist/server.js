old build
