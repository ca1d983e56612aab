package dev.canarybot.service.port;

import dev.canarybot.release.CardRef;

/**
 * A CanaryRelease in a watched namespace that the bot cannot read. It is never acted on; it is
 * marked Failed with the reason and reported once.
 *
 * @param version the resourceVersion the mark is a compare-and-swap on
 * @param marked it was marked Failed (and reported) already
 * @param card its Slack card, when its status still names one; the report goes in its thread
 */
public record UnreadableRelease(String namespace, String name, String version, String reason,
    boolean marked, CardRef card) {}
