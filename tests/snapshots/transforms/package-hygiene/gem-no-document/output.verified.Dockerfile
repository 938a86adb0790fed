FROM ruby:3.3-slim
RUN gem install --no-document bundler && gem install rake --no-document
