console.log('version', process.env.npm_package_version);
