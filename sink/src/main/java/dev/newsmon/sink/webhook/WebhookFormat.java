package dev.newsmon.sink.webhook;

/** What the webhook body looks like: the alert JSON itself, or a Slack incoming-webhook message. */
public enum WebhookFormat { json, slack }
