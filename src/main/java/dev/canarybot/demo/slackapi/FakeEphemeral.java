package dev.canarybot.demo.slackapi;

/** An ephemeral message: seen by one user in a channel, never part of its history. */
public record FakeEphemeral(String channel, String user, String ts, String text, String blocks) {
}
