# 政务通知问答机器人. Build: docker build -t zhengwu-bot .
# Run:   docker run -e TELEGRAM_BOT_TOKEN=123:ABC zhengwu-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ZHENGWU_CACHE_DIR=/app/cache

WORKDIR /app
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin bot

# Dependencies and the package, from pyproject.toml.
COPY pyproject.toml README.md config.yaml ./
COPY knowledge ./knowledge
COPY bot ./bot
RUN pip install . \
    && python -m bot ask "协调小组组长是谁" > /dev/null \
    && chmod -R a+rX /app/cache

# jieba's filtered dictionary and its cache were built above, readable by the bot user.
USER 10001
CMD ["python", "-m", "bot"]
