# 政务通知问答机器人. Build: docker build -t zhengwu-bot .
# Run:   docker run -e TELEGRAM_BOT_TOKEN=123:ABC -v zhengwu-state:/var/lib/zhengwu-bot zhengwu-bot
# Without a token (and without -it) it exits 2 with one line, so a restart policy does not loop on a prompt.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    ZHENGWU_CACHE_DIR=/app/cache \
    BOT_STATE_DIR=/var/lib/zhengwu-bot

WORKDIR /app
# The state directory (journal, chat contexts, liveness file) belongs to the bot user; mount a volume there.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin bot \
    && install -d -o 10001 -g 10001 -m 0750 /var/lib/zhengwu-bot

# Dependencies and the package, from pyproject.toml.
COPY pyproject.toml README.md config.yaml ./
COPY knowledge ./knowledge
COPY bot ./bot
# 1. Build jieba's filtered dictionary and its cache once (the ask below).
# 2. jieba trusts its cache only when the cache file is strictly newer than the dictionary. Both are
#    written within the same second and image layers keep whole seconds, so at run time the two
#    look equally old and jieba would rebuild, failing as the bot user ("Dump cache file failed",
#    PermissionError in /app/cache). Back-date the dictionary so the cache is always newer.
# 3. Compile every module once (hash-based .pyc, never re-checked against sources): the read-only
#    image then starts without compiling, and PYTHONDONTWRITEBYTECODE keeps it from trying.
RUN pip install . \
    && python -m bot ask "协调小组组长是谁" > /dev/null \
    && find /app/cache -name 'dict-*.txt' -exec touch -d '2000-01-01 00:00:00' {} + \
    && python -m compileall -q --invalidation-mode unchecked-hash /app/bot /app/knowledge \
        "$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" \
    && chmod -R a+rX /app

USER 10001
VOLUME ["/var/lib/zhengwu-bot"]
# Webhook mode (telegram.mode: webhook, listen 0.0.0.0 inside the container, a TLS proxy in front).
EXPOSE 8443
# Healthy while getUpdates succeeds (or the webhook server runs): see `python -m bot health`.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["python", "-m", "bot", "health"]
CMD ["python", "-m", "bot", "serve"]
