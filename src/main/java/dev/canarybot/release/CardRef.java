package dev.canarybot.release;

/** Where the release's Slack card lives, so every replica can update the same message. */
public record CardRef(String channel, String ts) {}
