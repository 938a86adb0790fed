FROM ruby:3.3-slim
RUN gem install bundler && gem install rake --no-document
